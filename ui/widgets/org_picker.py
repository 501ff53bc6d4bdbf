"""A combo box of organisations, indented by their place in the tree; the chosen one shown
with its đảng bộ (many cells share a name: "Chi bộ Phòng Thanh tra" alone said nothing)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

from models.core import vocab as v
from models.orgs import full_names, org_rows, tree_order

FULL_NAME = Qt.ItemDataRole.UserRole + 1


class OrgPicker(QComboBox):
    """`cells_only`: only chi bộ can be picked (where members are placed); `levels`: only
    organisations of these levels; `any_label`: first entry meaning "no filter"."""

    def __init__(self, cells_only: bool = False, any_label: str | None = None, parent=None,
                 levels: tuple[str, ...] | None = None):
        super().__init__(parent)
        self.levels = v.CELLS if cells_only else levels
        self.restricted = self.levels is not None
        self.any_label = any_label
        self.setMinimumContentsLength(22)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reload()
        self._unseen = True  # read moments ago: the page's first showing need not read it again

    def refresh(self) -> None:
        """On a page's showing: the tree read again, since another page (or workstation) may
        have changed it; not on the first showing, which follows the reading in __init__ (a
        second reading cost 0.12 s at 600 grassroots organisations with 11,000 cells)."""
        if self._unseen:
            self._unseen = False
        else:
            self.reload()

    def reload(self, include_dissolved: bool = False) -> None:
        current = self.org_id()
        self.blockSignals(True)
        self.clear()
        if self.any_label:
            self.addItem(self.any_label, None)
        rows = org_rows(include_dissolved=include_dissolved)
        names = full_names(rows)
        if self.levels is not None and v.CBTT not in self.levels:
            rows = _with_ancestors(rows, self.levels)
        for depth, row in tree_order(rows):
            self.addItem("    " * depth + row.name, row.id)
            self.setItemData(self.count() - 1, names[row.id], FULL_NAME)
            self.setItemData(self.count() - 1, names[row.id], Qt.ItemDataRole.ToolTipRole)
            if self.levels is not None and row.level not in self.levels:
                item = self.model().item(self.count() - 1)
                item.setEnabled(False)
        self.set_org_id(current)
        self.blockSignals(False)

    def org_id(self) -> int | None:
        return self.currentData()

    def shown_text(self) -> str:
        """What the closed box shows: the chosen organisation's full name."""
        return self.currentData(FULL_NAME) or self.currentText().strip()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.shown_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def set_org_id(self, org_id: int | None) -> None:
        index = self.findData(org_id)
        if index >= 0 and self.restricted and not self.model().item(index).isEnabled():
            index = -1
        if index >= 0:
            self.setCurrentIndex(index)
        elif self.restricted:
            self.setCurrentIndex(-1)

    def choose_first(self) -> None:
        """When nothing is chosen: the first organisation that may be picked."""
        if self.org_id() is not None:
            return
        for index in range(self.count()):
            allowed = not self.restricted or self.model().item(index).isEnabled()
            if self.itemData(index) is not None and allowed:
                self.setCurrentIndex(index)
                return


def _with_ancestors(rows: list, levels: tuple[str, ...]) -> list:
    """The organisations of these levels and those above them, to show where each stands: a
    picker of grassroots organisations lists neither the cells under them (disabled lines, 11,000
    of them at 100,000 members) nor the committees in between."""
    by_id = {row.id: row for row in rows}
    kept: set[int] = set()
    for row in rows:
        current = row if row.level in levels else None
        while current is not None and current.id not in kept:
            kept.add(current.id)
            current = by_id.get(current.parent_id)
    return [row for row in rows if row.id in kept]
