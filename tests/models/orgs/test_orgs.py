from datetime import date

import pytest

from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.events import record_event
from models.orgs.changes import create_org, dissolve_org, move_org, update_org
from models.orgs.contents import org_warnings, size_warning
from models.orgs.tree import get_org, org_rows, subtree_ids


def test_tree_levels_must_fit_their_parent(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        create_org(name="Chi bộ lạc chỗ", level=v.CBTT, parent_id=bloc_tree["bloc"].id)
    assert caught.value.field == "parent"
    assert "Chi bộ trực thuộc phải trực thuộc" in caught.value.message
    with pytest.raises(ValidationError):
        create_org(name="Đảng bộ bộ phận", level=v.DBBP, parent_id=bloc_tree["small"].id)


def test_only_one_bloc(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        create_org(name="Đảng bộ Khối thứ hai", level=v.BLOC)
    assert "chỉ có một Đảng bộ Khối" in caught.value.message


def test_name_required_and_unique_among_siblings(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        create_org(name="   ", level=v.CBCS, parent_id=bloc_tree["bloc"].id)
    assert caught.value.field == "name"
    with pytest.raises(ValidationError):
        create_org(name="chi bo so tu phap", level=v.CBCS, parent_id=bloc_tree["bloc"].id)


def test_rename_keeps_identity_and_history(bloc_tree):
    org = update_org(bloc_tree["small"].id, name="Chi bộ Sở Tư pháp tỉnh")
    assert get_org(org.id).name == "Chi bộ Sở Tư pháp tỉnh"
    assert get_org(org.id).name_folded == "chi bo so tu phap tinh"


def test_move_cell_between_grassroots_committees(bloc_tree):
    other = create_org(name="Đảng bộ Sở Y tế", level=v.DBCS, parent_id=bloc_tree["bloc"].id)
    moved = move_org(bloc_tree["cell_b"].id, other.id)
    assert moved.parent_id == other.id
    assert bloc_tree["cell_b"].id in subtree_ids(other.id)
    assert bloc_tree["cell_b"].id not in subtree_ids(bloc_tree["base"].id)


def test_cannot_move_into_itself_or_under_wrong_level(bloc_tree):
    with pytest.raises(ValidationError):
        move_org(bloc_tree["base"].id, bloc_tree["base"].id)
    with pytest.raises(ValidationError):
        move_org(bloc_tree["cell_a"].id, bloc_tree["small"].id)


def test_dissolve_refused_while_members_remain(bloc_tree, make_member):
    member = make_member(org=bloc_tree["small"])
    with pytest.raises(ValidationError) as caught:
        dissolve_org(bloc_tree["small"].id, date(2024, 1, 1))
    assert "còn 1 đảng viên" in caught.value.message
    assert get_org(bloc_tree["small"].id).dissolved_on is None
    record_event(member.id, v.MOVED, date(2023, 6, 1), org_id=bloc_tree["cell_a"].id)
    dissolve_org(bloc_tree["small"].id, date(2024, 1, 1))
    assert get_org(bloc_tree["small"].id).dissolved_on == date(2024, 1, 1)
    assert any(row.id == bloc_tree["small"].id and row.dissolved for row in org_rows())
    assert all(row.id != bloc_tree["small"].id for row in org_rows(include_dissolved=False))


def test_a_dissolution_before_a_member_left_is_refused(bloc_tree, make_member):
    """Dissolving on a day before a member moved out of the cell left that member in a dissolved
    body (only members who came in after the day were checked); the day is named."""
    member = make_member(org=bloc_tree["small"])
    record_event(member.id, v.MOVED, date(2023, 6, 1), org_id=bloc_tree["cell_a"].id)
    with pytest.raises(ValidationError, match="biến động đảng viên ngày 01/06/2023"):
        dissolve_org(bloc_tree["small"].id, date(2023, 5, 1))
    assert get_org(bloc_tree["small"].id).dissolved_on is None


def test_dissolve_refused_while_live_children_remain(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        dissolve_org(bloc_tree["base"].id, date(2024, 1, 1))
    assert "còn tổ chức trực thuộc" in caught.value.message


def test_no_new_members_in_a_dissolved_cell(bloc_tree, make_member):
    dissolve_org(bloc_tree["small"].id, date(2015, 1, 1))
    with pytest.raises(ValidationError) as caught:
        make_member(org=bloc_tree["small"], admitted=date(2016, 1, 1))
    assert "đã giải thể" in caught.value.message


def test_warns_when_grassroots_cell_reaches_thirty(bloc_tree, make_member):
    for index in range(30):
        make_member(org=bloc_tree["small"], full_name=f"Nguyễn Văn Số {chr(65 + index % 26)}x")
    warnings = org_warnings(bloc_tree["small"].id)
    assert any("30 đảng viên" in w for w in warnings)
    assert "30 đảng viên" in size_warning(bloc_tree["small"].id)
    assert size_warning(bloc_tree["cell_a"].id) is None


def test_warns_when_cell_has_fewer_than_three_full_members(bloc_tree, make_member):
    make_member(org=bloc_tree["cell_b"])
    assert any("0 đảng viên chính thức" in w for w in org_warnings(bloc_tree["cell_b"].id))


def test_members_only_in_cells(bloc_tree):
    from models.members.events import create_member
    from tests.conftest import person

    with pytest.raises(ValidationError) as caught:
        create_member(person(), {"kind": v.ADMITTED, "date": date(2010, 1, 1),
                                 "org_id": bloc_tree["base"].id})
    assert caught.value.field == "org"


def test_level_change_refused_when_members_would_sit_outside_a_cell(bloc_tree, make_member):
    make_member(org=bloc_tree["small"])
    with pytest.raises(ValidationError) as caught:
        update_org(bloc_tree["small"].id, level=v.DBCS)
    assert "đang có đảng viên" in caught.value.message


def test_same_name_allowed_under_another_parent(bloc_tree):
    other = create_org(name="Đảng bộ Sở Y tế", level=v.DBCS, parent_id=bloc_tree["bloc"].id)
    twin = create_org(name="Chi bộ Văn phòng Sở", level=v.CBTT, parent_id=other.id)
    assert twin.id != bloc_tree["cell_b"].id


def test_every_organisation_has_one_full_name_that_knows_the_tree(bloc_tree):
    """A chi bộ cơ sở is named once; a cell under a đảng bộ cơ sở with that đảng bộ, and below
    an intermediate committee with that committee too (two cells of one name may sit under one
    đảng bộ); the bloc and the grassroots organisations by themselves."""
    from models.orgs import full_names

    middle = create_org(name="Đảng bộ bộ phận Khối chuyên môn", level=v.DBBP, parent_id=bloc_tree["base"].id)
    deep = create_org(name="Chi bộ Phòng Thanh tra", level=v.CBTT, parent_id=middle.id)
    names = full_names()
    assert names[bloc_tree["small"].id] == "Chi bộ Sở Tư pháp"
    assert names[bloc_tree["base"].id] == "Đảng bộ Sở Tài chính"
    assert names[bloc_tree["bloc"].id] == "Đảng bộ Khối các cơ quan tỉnh"
    assert names[bloc_tree["cell_a"].id] == "Chi bộ Phòng Ngân sách, Đảng bộ Sở Tài chính"
    assert names[middle.id] == "Đảng bộ bộ phận Khối chuyên môn, Đảng bộ Sở Tài chính"
    assert names[deep.id] == "Chi bộ Phòng Thanh tra, Đảng bộ bộ phận Khối chuyên môn, Đảng bộ Sở Tài chính"
