"""The read-only table view every list page uses: whole rows selected, no editing in place."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView

from ui.widgets.export_table import add_export_action


def list_view(model, stretch_first: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    one_line_cells(view)
    view.verticalHeader().hide()
    if stretch_first:
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    else:
        view.horizontalHeader().setStretchLastSection(True)
    add_export_action(view)
    readable_headers(view)
    keep_choice(view)
    return view


def one_line_cells(view: QTableView) -> None:
    """A cell too narrow for its text ends in "…" on its one line. Qt wraps it by default, and a
    row one line high then showed the top of a second line under the first ("Chi bộ Phòng Kế
    hoạch -" over a sliver of "Tài chính")."""
    view.setWordWrap(False)


def _row_key(model, position: int):
    if not hasattr(model, "key"):
        return None
    row = model.row_at(position)
    return None if row is None else model.key(row)


def keep_choice(view: QTableView) -> None:
    """The chosen row stays chosen when the list is reloaded (after a form saved, another
    clerk's change): found again by its record's id. Reported: after a meeting was opened and
    closed, "Xóa" said nothing was chosen; Enter after saving opened another member."""
    model = view.model()
    remembered = []

    def before() -> None:
        remembered.clear()
        index = view.currentIndex()
        chosen = index.isValid() and view.selectionModel().isRowSelected(index.row())
        key = _row_key(model, index.row()) if chosen else None
        if key is not None:
            remembered.append((key, index.column()))

    def after() -> None:
        if not remembered:
            return
        key, column = remembered.pop()
        for position in range(model.rowCount()):
            if _row_key(model, position) == key:
                view.setCurrentIndex(model.index(position, column))
                view.selectRow(position)
                view.scrollTo(model.index(position, column))
                return

    model.modelAboutToBeReset.connect(before)
    model.modelReset.connect(after)


HEADER_PADDING = 16  # the sort arrow and the section's margins


def readable_headers(view: QTableView | QTreeView) -> None:
    """No column narrower than its own title: Qt gives every section 100 px whatever its text
    ("Ngày vào danh sách" was cut). Widened again whenever the columns change."""
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()

    def fit(*_args) -> None:
        model = header.model()
        if model is None:
            return
        for section in range(header.count()):
            text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if not text or header.isSectionHidden(section):
                continue
            needed = max(header.fontMetrics().horizontalAdvance(line) for line in str(text).split("\n"))
            if header.sectionSize(section) < needed + HEADER_PADDING:
                header.resizeSection(section, needed + HEADER_PADDING)

    header.sectionCountChanged.connect(fit)
    view.fit_headers = fit
    fit()


def column_widths(view: QTableView | QTreeView, widths) -> None:
    """The page's own widths for its columns — never narrower than a column's title."""
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    if getattr(view, "fit_headers", None) is None:
        readable_headers(view)
    view.fit_headers()


def open_on_activate(view: QAbstractItemView, open_record) -> None:
    """Double-click (or a single click where the platform says so) and Enter open the row —
    Qt's `activated` covers all three, so connecting `doubleClicked` as well opened it twice.
    While a record's form is open, a second activation does not open it again."""
    busy = []

    def activated(_index) -> None:
        if busy:
            return
        busy.append(True)
        try:
            open_record()
        finally:
            busy.clear()

    view.activated.connect(activated)
    # The same on the right-click menu, first (reported: the menu offered only the export).
    action = QAction("Mở (Enter)", view)
    action.triggered.connect(lambda: activated(view.currentIndex()))
    view.insertAction(view.actions()[0] if view.actions() else None, action)
