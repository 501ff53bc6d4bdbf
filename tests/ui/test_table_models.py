from datetime import date

from PySide6.QtCore import Qt

from models.core import vocab as v
from models.demo.build import DemoSize, build_demo
from models.members.events import history, record_event
from models.members.search import MemberFilter, matching_count, member_ids
from models.orgs.contents import member_counts
from models.orgs.tree import org_rows
from ui.members.tables import COLUMNS, PAGE, HistoryTableModel, MemberTableModel
from ui.orgs.tables import COUNT_ROLE, ORG_ID_ROLE, OrgTreeModel


def test_member_table_model_passes_modeltester(demo_clock, qtmodeltester, db):
    build_demo(DemoSize(orgs=6, members=300, seed=5))
    model = MemberTableModel()
    model.set_filter(MemberFilter())
    qtmodeltester.check(model)
    assert model.columnCount() == len(COLUMNS)
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model)
    assert model.rowCount() == matching_count(MemberFilter()) > 250


def test_member_list_comes_a_page_at_a_time_in_the_same_order(demo_clock, db):
    """The first 200 rows at once, the rest as the view scrolls; pages joined give the list the
    one query gives, in every order, and a member far down is found when chosen."""
    build_demo(DemoSize(orgs=6, members=700, seed=5))
    model = MemberTableModel()
    model.set_filter(MemberFilter())
    everyone = member_ids(MemberFilter())
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 2 * PAGE
    model.fetchMore()  # as long as the list so far: 400 asked, 300 left
    assert model.rowCount() == len(everyone) == matching_count(MemberFilter())
    assert not model.canFetchMore()
    assert [model.member_id(row) for row in range(model.rowCount())] == everyone
    for column in range(len(COLUMNS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            while model.canFetchMore():
                model.fetchMore()
            shown = [model.member_id(row) for row in range(model.rowCount())]
            assert shown == member_ids(MemberFilter(), *model._sort)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == PAGE
    assert model.row_of(everyone[-1]) == len(everyone) - 1
    assert model.index(len(everyone) - 1, 0).data()  # its display row is read too


def test_member_table_shows_rows_and_sorts(db, make_member, bloc_tree):
    make_member(full_name="Trần Văn Bình", card_number="00000007")
    make_member(full_name="Lê Thị An", sex="F", org=bloc_tree["small"])
    model = MemberTableModel()
    model.set_filter(MemberFilter())
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == ["Lê Thị An", "Trần Văn Bình"]
    assert model.index(1, 5).data() == "Dự bị"
    assert model.index(1, 7).data() == "00000007"
    assert model.index(1, 4).data() == "Đảng bộ Sở Tài chính"  # the grassroots organisation
    assert model.index(0, 4).data() == "Chi bộ Sở Tư pháp"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "Trần Văn Bình"
    model.set_filter(MemberFilter(text="thi an"))
    assert model.rowCount() == 1


def test_history_model_passes_modeltester(qtmodeltester, make_member):
    member = make_member(admitted=date(2010, 1, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 1, 15), decision_no="05-QĐ/ĐUK")
    model = HistoryTableModel()
    model.set_rows(history(member.id))
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "Công nhận đảng viên chính thức"
    assert model.index(1, 0).data() == "15/01/2011"
    # The cell named with its đảng bộ, read whole in the tooltip where the column cuts it off.
    assert model.index(1, 3).data() == "Chi bộ Phòng Ngân sách, Đảng bộ Sở Tài chính"
    assert model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == model.index(1, 3).data()
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_org_tree_model_sums_members_up_the_tree(qtmodeltester, bloc_tree, make_member):
    make_member(org=bloc_tree["cell_a"])
    make_member(org=bloc_tree["cell_b"], full_name="Lê Văn Hai")
    make_member(org=bloc_tree["small"], full_name="Lê Văn Ba")
    model = OrgTreeModel(org_rows(), member_counts())
    qtmodeltester.check(model)
    base = model.index_of(bloc_tree["base"].id)
    assert base.data() == "Đảng bộ Sở Tài chính"
    assert base.siblingAtColumn(3).data(COUNT_ROLE) == 2
    bloc = model.index_of(bloc_tree["bloc"].id)
    assert bloc.siblingAtColumn(3).data(COUNT_ROLE) == 3
    assert bloc.data(ORG_ID_ROLE) == bloc_tree["bloc"].id
    # Counts read right-aligned, the whole name in the tooltip, nothing editable in place.
    assert base.siblingAtColumn(3).data() == "2"
    assert base.siblingAtColumn(3).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert base.data(Qt.ItemDataRole.ToolTipRole) == "Đảng bộ Sở Tài chính"
    assert not model.flags(base) & Qt.ItemFlag.ItemIsEditable
    assert not model.index_of(10**9).isValid()
    # Đảng bộ cơ sở listed before chi bộ cơ sở.
    assert [model.index(r, 0, bloc).data() for r in range(model.rowCount(bloc))] == [
        "Đảng bộ Sở Tài chính", "Chi bộ Sở Tư pháp"]


def test_twin_cells_of_one_dang_bo_are_told_apart_in_the_member_list(db, make_member, bloc_tree):
    """Two "Chi bộ Văn phòng" under two đảng bộ bộ phận of one đảng bộ looked the same in the list:
    its đảng bộ column names the committee between too; a chi bộ cơ sở is named once."""
    from models.orgs.changes import create_org

    for letter, person in (("A", "Trần Văn An"), ("B", "Lê Văn Ba")):
        unit = create_org(name=f"Đảng bộ bộ phận Khối {letter}", level=v.DBBP, parent_id=bloc_tree["base"].id)
        cell = create_org(name="Chi bộ Văn phòng", level=v.CBTT, parent_id=unit.id)
        make_member(full_name=person, org=cell)
    make_member(full_name="Vũ Thị Cơ", sex="F", org=bloc_tree["small"])
    model = MemberTableModel()
    model.set_filter(MemberFilter())
    keys = [key for key, _label in COLUMNS]
    org, above = keys.index("org"), keys.index("grassroots")
    shown = {model.index(r, 0).data(): (model.index(r, org).data(), model.index(r, above).data())
             for r in range(model.rowCount())}
    assert shown == {"Trần Văn An": ("Chi bộ Văn phòng", "Đảng bộ bộ phận Khối A, Đảng bộ Sở Tài chính"),
                     "Lê Văn Ba": ("Chi bộ Văn phòng", "Đảng bộ bộ phận Khối B, Đảng bộ Sở Tài chính"),
                     "Vũ Thị Cơ": ("Chi bộ Sở Tư pháp", "Chi bộ Sở Tư pháp")}
