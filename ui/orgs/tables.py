"""The organisation tree as a Qt item model (a few hundred to 5,800 nodes)."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from models.core import vocab as v
from models.core.dates import fmt_date
from models.core.text import fold
from models.orgs import OrgRow, children_map
from reports.numbers import integer

ORG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ["Tổ chức đảng", "Cấp", "Ký hiệu", "Dự bị", "Chính thức", "Tạm thời", "Giải thể"]


def build_tree_model(rows: list[OrgRow], counts: dict[int, dict[str, int]], parent=None
                     ) -> QStandardItemModel:
    """Members are summed up the tree, so a đảng bộ shows the total of its cells."""
    model = QStandardItemModel(parent)
    model.setHorizontalHeaderLabels(HEADERS)
    children = children_map(rows)
    ids = {row.id for row in rows}
    grey = QBrush(QColor("#8a8f98"))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    # Items stay editable as made: the page's view takes no edits (NoEditTriggers), and marking
    # 40,000 items read-only took 65 of the 230 ms the tree of 5,800 organisations is built in.

    def add(parent_item, row: OrgRow) -> tuple[int, int, int]:
        name = QStandardItem(row.name)
        name.setToolTip(row.name)
        name.setData(row.id, ORG_ID_ROLE)
        totals = [0, 0, 0]
        for child in children.get(row.id, []):
            for i, n in enumerate(add(name, child)):
                totals[i] += n
        own = counts.get(row.id, {})
        totals = [totals[0] + own.get(v.PROBATIONARY, 0), totals[1] + own.get(v.FULL, 0),
                  totals[2] + own.get(v.TEMP_IN, 0)]
        cells = [name, QStandardItem(v.ORG_LEVELS[row.level]), QStandardItem(row.code)]
        for total in totals:
            count = QStandardItem(integer(total))
            count.setData(total, COUNT_ROLE)
            cells.append(count)
        cells.append(QStandardItem(fmt_date(row.dissolved_on)))
        if row.dissolved:
            for item in cells:
                item.setForeground(grey)
        for item in cells[3:6]:
            item.setTextAlignment(right)
        parent_item.appendRow(cells)
        return totals[0], totals[1], totals[2]

    for row in rows:
        if row.parent_id is None or row.parent_id not in ids:
            add(model.invisibleRootItem(), row)
    return model


def find_item(model: QStandardItemModel, org_id: int):
    """The index of an organisation's row, or an invalid index."""
    matches = model.match(model.index(0, 0), ORG_ID_ROLE, org_id, 1,
                          Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly)
    return matches[0] if matches else model.index(-1, -1)


def filter_tree(tree: QTreeView, model: QStandardItemModel, text: str) -> list[QModelIndex]:
    """Show only organisations whose name or code holds `text` (case and accents aside), with
    the branches that lead to them opened; an empty text shows the whole tree again. Returns
    the matching rows, top to bottom."""
    wanted = fold(text)
    matches: list[QModelIndex] = []

    def walk(parent_item, parent_index) -> bool:
        any_shown = False
        for row in range(parent_item.rowCount()):
            item = parent_item.child(row, 0)
            code = parent_item.child(row, 2)
            index = model.indexFromItem(item)
            searched = fold(item.text()) + " " + fold(code.text() if code else "")
            hit = bool(wanted) and wanted in searched
            if hit:
                matches.append(index)
            below = walk(item, index)
            shown = not wanted or hit or below
            tree.setRowHidden(row, parent_index, not shown)
            if wanted and below:
                tree.expand(index)
            any_shown = any_shown or shown
        return any_shown

    walk(model.invisibleRootItem(), QModelIndex())
    return matches
