from datetime import date

from models.core import vocab as v
from models.orgs.tree import get_org, org_rows
from tests.conftest import type_text
from ui.orgs.dialogs import DissolveOrgDialog, MoveOrgDialog, OrgDialog


def test_new_org_under_selected_parent_proposes_level(qtbot, bloc_tree):
    dialog = OrgDialog(parent_id=bloc_tree["base"].id)
    qtbot.addWidget(dialog)
    assert dialog.level.currentData() == v.CBTT
    assert dialog.save() is False
    assert "Nhập tên" in dialog.errors.message_for("name")
    dialog.name.setFocus()
    type_text(dialog.name, "Chi bộ Phòng Quản lý Công sản")
    assert dialog.save() is True
    created = get_org(dialog.result_id)
    assert created.parent_id == bloc_tree["base"].id and created.level == v.CBTT


def test_wrong_level_under_parent_is_explained(qtbot, bloc_tree):
    dialog = OrgDialog(parent_id=bloc_tree["bloc"].id)
    qtbot.addWidget(dialog)
    dialog.name.setText("Chi bộ lạc chỗ")
    dialog.level.setCurrentIndex(dialog.level.findData(v.CBTT))
    assert dialog.save() is False
    assert "phải trực thuộc" in dialog.errors.message_for("parent")


def test_rename_keeps_the_record(qtbot, bloc_tree):
    dialog = OrgDialog(org_id=bloc_tree["small"].id)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Chi bộ Sở Tư pháp"
    dialog.name.setText("Chi bộ Sở Tư pháp tỉnh")
    dialog.founded_on.setText("01/01/1990")
    assert dialog.save()
    org = get_org(bloc_tree["small"].id)
    assert (org.name, org.founded_on) == ("Chi bộ Sở Tư pháp tỉnh", date(1990, 1, 1))


def test_dissolve_refused_with_members_shows_why(qtbot, bloc_tree, make_member):
    make_member(org=bloc_tree["small"])
    dialog = DissolveOrgDialog(bloc_tree["small"].id)
    qtbot.addWidget(dialog)
    assert dialog.save() is False
    assert "còn 1 đảng viên" in dialog.errors.message_for("dissolved_on")
    assert get_org(bloc_tree["small"].id).dissolved_on is None


def test_a_dissolution_typed_wrong_is_corrected_or_taken_back(qtbot, bloc_tree, monkeypatch):
    """"Giải thể" on an organisation already dissolved said only "đã giải thể ngày …": a day typed
    wrong, or the wrong organisation chosen, could not be put right."""
    import ui.orgs.dialogs as dialogs
    from models.orgs.changes import dissolve_org

    dissolve_org(bloc_tree["cell_b"].id, date(2024, 8, 1))
    dialog = DissolveOrgDialog(bloc_tree["cell_b"].id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith("Sửa ngày giải thể") and dialog.on.text() == "01/08/2024"
    dialog.on.setText("01/07/2024")
    assert dialog.save()
    assert get_org(bloc_tree["cell_b"].id).dissolved_on == date(2024, 7, 1)
    again = DissolveOrgDialog(bloc_tree["cell_b"].id)
    qtbot.addWidget(again)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    again.take_back()  # asked, and "no" keeps it
    assert get_org(bloc_tree["cell_b"].id).dissolved_on == date(2024, 7, 1)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    again.take_back()
    assert get_org(bloc_tree["cell_b"].id).dissolved_on is None and again.result() == 1


def test_move_dialog_moves_cell(qtbot, bloc_tree):
    from models.orgs.changes import create_org

    other = create_org(name="Đảng bộ Sở Y tế", level=v.DBCS, parent_id=bloc_tree["bloc"].id)
    dialog = MoveOrgDialog(bloc_tree["cell_b"].id)
    qtbot.addWidget(dialog)
    dialog.target.set_org_id(other.id)
    assert dialog.save()
    assert {r.id: r.parent_id for r in org_rows()}[bloc_tree["cell_b"].id] == other.id


def test_the_tree_finds_an_organisation_by_part_of_its_name(qtbot, db, bloc_tree):
    """Reported: the 180-row organisation tree had no search."""
    from tests.ui.test_main_window import make_window
    from ui.orgs.page import OrgsPage

    page = make_window(qtbot, db).page(OrgsPage)
    page.on_shown()
    page.search.setText("NGAN SACH")
    page.search.flush()
    assert page.selected_org_id() == bloc_tree["cell_a"].id
    assert page.found_label.text() == "1 tổ chức khớp"
    hidden = [index.data() for index in _all_rows(page.model)
              if page.tree.isRowHidden(index.row(), index.parent())]
    assert "Chi bộ Văn phòng Sở" in hidden and "Chi bộ Sở Tư pháp" in hidden
    assert "Đảng bộ Sở Tài chính" not in hidden  # the branch that leads to it stays
    page.search.setText("")
    page.search.flush()
    assert not any(page.tree.isRowHidden(index.row(), index.parent()) for index in _all_rows(page.model))


def _all_rows(model, parent=None):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from _all_rows(model, index)


def test_a_chosen_cell_is_shown_with_its_dang_bo(qtbot, bloc_tree):
    """Reported: after picking, the field showed only “Chi bộ Phòng Thanh tra”, which many
    cells are called."""
    from ui.widgets.org_picker import OrgPicker

    picker = OrgPicker(cells_only=True)
    qtbot.addWidget(picker)
    picker.set_org_id(bloc_tree["cell_a"].id)
    assert picker.shown_text() == "Chi bộ Phòng Ngân sách, Đảng bộ Sở Tài chính"
    picker.show()
    picker.repaint()  # paints with the full name, without an error
    picker.set_org_id(bloc_tree["small"].id)
    assert picker.shown_text() == "Chi bộ Sở Tư pháp"


def test_a_picker_of_grassroots_organisations_lists_no_cells(qtbot, bloc_tree):
    """At 100,000 members the ratings page's picker held 11,000 disabled cell lines, read twice
    on its first showing (0.5 s)."""
    from ui.widgets.org_picker import OrgPicker

    picker = OrgPicker(levels=v.GRASSROOTS)
    qtbot.addWidget(picker)
    listed = [picker.itemData(index) for index in range(picker.count())]
    assert listed == [bloc_tree["bloc"].id, bloc_tree["base"].id, bloc_tree["small"].id]
    picker.choose_first()
    assert picker.org_id() == bloc_tree["base"].id  # the bloc's line is there, but not to be picked


def test_a_picker_reads_the_tree_again_on_each_showing_but_the_first(qtbot, bloc_tree):
    from models.orgs.changes import create_org
    from ui.widgets.org_picker import OrgPicker

    picker = OrgPicker(cells_only=True)
    qtbot.addWidget(picker)
    count = picker.count()
    added = create_org(name="Chi bộ Phòng Pháp chế", level=v.CBTT, parent_id=bloc_tree["base"].id)
    picker.refresh()  # the first showing, just after the picker was filled
    assert picker.findData(added.id) == -1
    picker.refresh()  # shown again later: another page may have changed the tree
    assert picker.count() == count + 1 and picker.findData(added.id) >= 0
