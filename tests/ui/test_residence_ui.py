"""Đánh giá, xếp loại › Nhận xét của nơi cư trú, and the comment beside the rating."""

from datetime import date

from PySide6.QtCore import Qt

from models.ratings import GridRow
from models.residence import DAT, contact_rows, set_contact
from ui.ratings.residence_dialog import ResidenceDialog
from ui.ratings.residence_tab import ResidenceTab
from ui.ratings.tables import RatingGridModel


def test_the_lists_and_the_form(qtbot, bloc_tree, make_member, qtmodeltester):
    cell = bloc_tree["cell_a"]
    known = make_member(full_name="Lê Văn An", org=cell)
    make_member(full_name="Trần Thị Bình", org=cell)
    set_contact(known.id, "Đảng bộ phường Hồng Hải", "Chi bộ khu 5", date(2020, 3, 1))
    tab = ResidenceTab()
    qtbot.addWidget(tab)
    tab.load(2023, bloc_tree["base"].id)
    assert tab.model.rowCount() == 2
    qtmodeltester.check(tab.model)
    tab.filter.setCurrentIndex(tab.filter.findData("introduce"))
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == ["Trần Thị Bình"]
    tab.filter.setCurrentIndex(tab.filter.findData("comment"))
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == ["Lê Văn An"]

    dialog = ResidenceDialog(known.id, "Lê Văn An", 2023)
    qtbot.addWidget(dialog)
    dialog.result.setCurrentIndex(dialog.result.findData(DAT))
    dialog.received_on.setText("31/02/2023")
    assert dialog.save() is False  # an impossible date is said beside its field, nothing stored
    assert dialog.errors.message_for("received_on")
    dialog.received_on.setText("10/12/2023")
    assert dialog.save() is True
    assert [row.result for row in contact_rows(2023, cell.id) if row.member_id == known.id] == [DAT]

    grid = RatingGridModel()
    grid.load(2023, [GridRow(known.id, "Lê Văn An", cell.id, "FULL", None, None, None)], {known.id: DAT})
    assert grid.headerData(6, Qt.Orientation.Horizontal) == "Nơi cư trú nhận xét"
    assert grid.index(0, 6).data() == "Đạt"
