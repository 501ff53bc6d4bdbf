"""Two clerks with the same record open: the second save does not silently overwrite the
first; it is refused with who saved and when, and nothing of either is half-written."""

from datetime import date

import pytest

from models.accounts import session
from models.accounts.audit import EditedMeanwhile
from models.accounts.session import ADMIN, CLERK
from models.accounts.users import authenticate, create_user
from models.members.record import get_member, member_fields, update_member
from models.orgs.changes import update_org
from models.orgs.tree import get_org


def test_a_save_over_a_later_one_is_refused_with_who_and_when(make_member):
    member = make_member(admitted=date(2012, 6, 1))
    create_user("quantri", "Nguyễn Quản Trị", ADMIN, "mat-khau-du-dai")
    admin = authenticate("quantri", "mat-khau-du-dai")
    with session.acting_as(admin):
        create_user("thuy", "Trần Thu Thủy", CLERK, "mat-khau-du-dai")
    seen_by_first = get_member(member.id).version
    seen_by_second = get_member(member.id).version
    with session.acting_as(authenticate("thuy", "mat-khau-du-dai")):
        update_member(member.id, {**member_fields(member), "note": "Chuyển sinh hoạt tạm thời"},
                      seen_by_first)
    with pytest.raises(EditedMeanwhile) as refused, session.acting_as(admin):
        update_member(member.id, {**member_fields(member), "note": "Ghi chú khác"}, seen_by_second)
    assert "“thuy” sửa lúc" in refused.value.message and "tải lại" in refused.value.message
    assert get_member(member.id).note == "Chuyển sinh hoạt tạm thời"
    # Reloaded, the second clerk saves on top of the first's change.
    fresh = get_member(member.id)
    with session.acting_as(admin):
        update_member(member.id, {**member_fields(fresh), "note": "Ghi chú khác"}, fresh.version)
    assert get_member(member.id).note == "Ghi chú khác"


def test_an_organisation_edited_meanwhile_is_not_overwritten(bloc_tree):
    cell = bloc_tree["cell_a"]
    seen = get_org(cell.id).version
    update_org(cell.id, seen_version=seen, name="Chi bộ Phòng Ngân sách nhà nước", level=cell.level)
    with pytest.raises(EditedMeanwhile):
        update_org(cell.id, seen_version=seen, name="Chi bộ Ngân sách", level=cell.level)
    assert get_org(cell.id).name == "Chi bộ Phòng Ngân sách nhà nước"
