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


def second_stale_save_refused(get, update, record_id: int, fields: dict, key: str, first, second):
    """Two forms opened on the same version: the first save lands, the second is refused."""
    seen = get(record_id).version
    update(record_id, {**fields, key: first}, seen)
    with pytest.raises(EditedMeanwhile):
        update(record_id, {**fields, key: second}, seen)
    assert getattr(get(record_id), key) == first


def test_a_meeting_and_an_inspection_edited_meanwhile_are_not_overwritten(db):
    from models.inspections.cases import create_inspection, get_inspection, update_inspection
    from models.meetings.record import create_meeting, get_meeting, update_meeting

    fields = {"body": "BCH_DUK", "kind": "KHAC", "date": date(2024, 3, 5), "place": "Hội trường A"}
    meeting = create_meeting(fields)
    second_stale_save_refused(get_meeting, update_meeting, meeting.id, fields, "place", "Hội trường B",
                              "Hội trường C")
    case_fields = {"performer": "BTV_DUK", "kind": "KT_CHAP_HANH", "status": "CONCLUDED",
                   "start_date": date(2023, 3, 1), "end_date": date(2023, 4, 1)}
    case = create_inspection(case_fields)
    second_stale_save_refused(get_inspection, update_inspection, case.id, case_fields, "team", "Tổ 1", "Tổ 2")


def test_an_admission_case_edited_meanwhile_is_not_overwritten(bloc_tree):
    from models.admissions.cases import create_case, get_case, update_case
    from tests.models.admissions.test_admissions import candidate

    fields = candidate(bloc_tree["cell_a"])
    case = create_case(fields)
    second_stale_save_refused(get_case, update_case, case.id, fields, "full_name", "Hoàng Thị Mai Anh",
                              "Hoàng Mai")
