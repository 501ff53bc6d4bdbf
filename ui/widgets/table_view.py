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
