"""The read-only table view every list page uses: whole rows selected, no editing in place."""

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.widgets.export_table import add_export_action


def list_view(model, stretch_first: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    if stretch_first:
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    else:
        view.horizontalHeader().setStretchLastSection(True)
    add_export_action(view)
    return view


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
