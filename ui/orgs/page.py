"""The organisation tree page: toolbar, the tree, and a panel with the selected one's details."""

from html import escape as _html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
)

from models.accounts import session
from models.core import vocab as v
from models.core.dates import fmt_date
from models.inspections import inspection_history
from models.orgs import get_org, member_counts, org_rows, org_warnings
from reports.numbers import integer
from ui import settings
from ui.orgs.dialogs import DissolveOrgDialog, MoveOrgDialog, OrgDialog
from ui.orgs.tables import COUNT_ROLE, ORG_ID_ROLE, OrgTreeModel, filter_tree
from ui.page import Page
from ui.widgets.export_table import add_export_action
from ui.widgets.search_box import SearchBox
from ui.widgets.table_view import column_widths, open_on_activate, readable_headers


class OrgsPage(Page):
    title = "Tổ chức đảng"

    def __init__(self, parent=None):
        super().__init__(parent)
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.add_action = QAction("Thêm tổ chức", self, shortcut=QKeySequence.StandardKey.New)
        self.add_action.setToolTip("Thêm tổ chức trực thuộc tổ chức đang chọn (Ctrl+N)")
        self.add_action.triggered.connect(self.add_org)
        self.edit_action = QAction("Sửa", self)
        self.edit_action.setToolTip("Sửa tên, cấp, ký hiệu… của tổ chức đang chọn (Enter)")
        self.edit_action.triggered.connect(self.edit_selected)
        self.move_action = QAction("Chuyển cấp trên", self)
        self.move_action.triggered.connect(self.move_selected)
        self.dissolve_action = QAction("Giải thể", self)
        self.dissolve_action.triggered.connect(self.dissolve_selected)
        for action in (self.add_action, self.edit_action, self.move_action, self.dissolve_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toolbar.addAction(action)
            self.addAction(action)
        # Changing the tree needs write rights over the whole bloc.
        actor = session.current()
        can_edit = actor is not None and actor.may(session.WRITE_RECORDS) and actor.org_ids is None
        for action in (self.add_action, self.edit_action, self.move_action, self.dissolve_action):
            action.setEnabled(can_edit)
        self.show_dissolved = QCheckBox("Hiện cả tổ chức đã giải thể")
        self.show_dissolved.setChecked(bool(settings.ORG_SHOW_DISSOLVED.get()))
        self.show_dissolved.toggled.connect(self._dissolved_toggled)
        toolbar.addSeparator()
        toolbar.addWidget(self.show_dissolved)
        self.search = SearchBox("Tìm tổ chức theo tên, ký hiệu… (Ctrl+F)")
        self.search.setMinimumWidth(260)
        self.search.search.connect(lambda _text: self.apply_search())
        self.found_label = QLabel()

        self.tree = QTreeView()
        readable_headers(self.tree)
        add_export_action(self.tree)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        open_on_activate(self.tree, self.edit_selected)
        self.search.lead_to(self.tree, self.edit_selected)

        self.details = QLabel()
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setMinimumWidth(260)
        self.details.setContentsMargins(12, 8, 12, 8)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        saved = settings.ORG_SPLITTER.get()
        if not saved.isEmpty():
            self.splitter.restoreState(saved)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.found_label)
        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addLayout(search_row)
        body = QHBoxLayout()
        body.addWidget(self.splitter)
        layout.addLayout(body, 1)
        self.model = None

    # --- the tree -------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        select_id = select_id if select_id is not None else self.selected_org_id()
        header_state = self.tree.header().saveState() if self.model else settings.ORG_COLUMNS.get()
        rows = org_rows(include_dissolved=self.show_dissolved.isChecked())
        old = self.model
        self.model = OrgTreeModel(rows, member_counts(), self)
        self.tree.setModel(self.model)
        if old is not None:
            old.deleteLater()
        self.tree.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        if header_state.isEmpty():
            column_widths(self.tree, (300, 120, 70, 60, 85, 75, 80))
        else:
            self.tree.header().restoreState(header_state)
        # The names take the room the figures leave: every column stays in view (reported:
        # "Tạm thời" hidden off to the right).
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The bloc and its grassroots organisations open; cells stay folded.
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
        index = self.model.index_of(select_id) if select_id else self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        self._show_details()
        if self.search.text():
            self.apply_search()

    def apply_search(self) -> None:
        if self.model is None:
            return
        text = self.search.text().strip()
        found = filter_tree(self.tree, self.model, text)
        self.found_label.setText(f"{integer(len(found))} tổ chức khớp" if text else "")
        if found:
            self.tree.setCurrentIndex(found[0])
            self.tree.scrollTo(found[0])

    def on_shown(self) -> None:
        self.reload()

    def _dissolved_toggled(self, on: bool) -> None:
        settings.ORG_SHOW_DISSOLVED.set(int(on))
        self.reload()

    def selected_org_id(self) -> int | None:
        if self.model is None:
            return None
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return self.model.index(index.row(), 0, index.parent()).data(ORG_ID_ROLE)

    def _show_details(self) -> None:
        org_id = self.selected_org_id()
        if org_id is None:
            self.details.setText("<i>Chưa chọn tổ chức.</i>")
            return
        org = get_org(org_id)
        facts = [
            ("Cấp", v.ORG_LEVELS[org.level]),
            ("Trực thuộc", get_org(org.parent_id).name if org.parent_id else ""),
            ("Ký hiệu", org.code),
            ("Cơ quan, đơn vị", org.agency),
            ("Loại hình", v.ORG_TYPES.get(org.org_type, "")),
            ("Thành lập", fmt_date(org.founded_on)),
        ]
        lines = [f"<h3>{_html(org.name)}</h3>"]
        lines += [f"<b>{label}:</b> {_html(value)}" for label, value in facts if value]
        if org.dissolved_on:
            lines.append(f"<b style='color:#8a1c1c'>Đã giải thể ngày {fmt_date(org.dissolved_on)}</b>")
        index = self.model.index_of(org_id)
        prob, full = (int(index.siblingAtColumn(c).data(COUNT_ROLE)) for c in (3, 4))
        lines.append(f"<b>Đảng viên:</b> {integer(prob + full)} "
                     f"(dự bị {integer(prob)}, chính thức {integer(full)})")
        for warning in org_warnings(org_id):
            lines.append(f"<span style='color:#a35200'>⚠ {_html(warning)}</span>")
        if org.note:
            lines.append(f"<b>Ghi chú:</b> {_html(org.note)}")
        checks = inspection_history(org_id=org_id)
        if checks:
            lines.append("<br><b>Kiểm tra, giám sát, kỷ luật</b>")
            lines += [f"{fmt_date(line.on)} {_html(line.text)}" for line in checks]
        self.details.setText("<br>".join(lines))

    # --- actions --------------------------------------------------------------------
    def add_org(self) -> None:
        self._change(lambda parent_id: OrgDialog.ask(parent_id=parent_id, parent=self), always=True)

    def edit_selected(self) -> None:
        self._change(lambda org_id: OrgDialog.ask(org_id=org_id, parent=self))

    def move_selected(self) -> None:
        self._change(lambda org_id: MoveOrgDialog.ask(org_id, self))

    def dissolve_selected(self) -> None:
        self._change(lambda org_id: DissolveOrgDialog.ask(org_id, self))

    def _change(self, ask, always: bool = False) -> None:
        """Run a form on the selected organisation; on success show the result and tell the
        other pages. `ask` returns the id to select, True, or a falsy value when cancelled."""
        org_id = self.selected_org_id()
        if org_id is None and not always:
            return
        outcome = ask(org_id)
        if outcome:
            self.reload(outcome if outcome is not True else org_id)
            self.changed.emit()

    def save_layout(self) -> None:
        settings.ORG_SPLITTER.set(self.splitter.saveState())
        settings.ORG_COLUMNS.set(self.tree.header().saveState())
