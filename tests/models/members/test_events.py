from datetime import date

import pytest

from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.events import allowed_kinds, correct_event, history, record_event, remove_event
from models.members.record import get_member


def test_full_life_of_a_member(bloc_tree, make_member):
    member = make_member(admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 20), decision_no="12-QĐ/ĐUK")
    record_event(member.id, v.MOVED, date(2015, 1, 5), org_id=bloc_tree["small"].id)
    record_event(member.id, v.TEMP_OUT_START, date(2018, 9, 1), place="Học viện Chính trị khu vực I",
                 decision_no="15-QĐ/ĐUK")
    record_event(member.id, v.TEMP_OUT_RETURN, date(2019, 9, 1))
    record_event(member.id, v.DECEASED_EVENT, date(2024, 2, 2))
    stored = get_member(member.id)
    assert stored.status == v.DECEASED
    assert stored.membership == v.FULL
    assert stored.org_id == bloc_tree["small"].id
    assert stored.full_member_date == date(2011, 3, 20)
    kinds = [row.kind for row in history(member.id)]
    assert kinds == [v.ADMITTED, v.RECOGNISED, v.MOVED, v.TEMP_OUT_START, v.TEMP_OUT_RETURN,
                     v.DECEASED_EVENT]


def test_deceased_member_cannot_be_transferred(make_member):
    member = make_member()
    record_event(member.id, v.DECEASED_EVENT, date(2020, 1, 1))
    with pytest.raises(ValidationError) as caught:
        record_event(member.id, v.TRANSFER_OUT, date(2021, 1, 1), decision_no="15-QĐ/ĐUK",
                     place="Đảng bộ tỉnh khác")
    assert "đã từ trần" in caught.value.message
    assert v.TRANSFER_OUT not in allowed_kinds(member.id)


def test_backdated_event_is_checked_against_later_history(make_member):
    member = make_member(admitted=date(2010, 3, 1))
    record_event(member.id, v.DECEASED_EVENT, date(2020, 1, 1))
    # A transfer before the death is fine…
    with pytest.raises(ValidationError):
        # …but not one that would make the recorded death impossible (deceased after leaving).
        record_event(member.id, v.TRANSFER_OUT, date(2019, 1, 1), decision_no="15-QĐ/ĐUK",
                     place="Đảng bộ tỉnh khác")
    assert get_member(member.id).status == v.DECEASED
    assert len(history(member.id)) == 2
    record_event(member.id, v.EXEMPTED, date(2018, 1, 1))
    assert [r.kind for r in history(member.id)] == [v.ADMITTED, v.EXEMPTED, v.DECEASED_EVENT]


def test_recognition_needs_twelve_months_of_probation(make_member):
    member = make_member(admitted=date(2024, 3, 1))
    with pytest.raises(ValidationError) as caught:
        record_event(member.id, v.RECOGNISED, date(2024, 12, 1))
    assert "12 tháng" in caught.value.message
    assert get_member(member.id).membership == v.PROBATIONARY


def test_probationary_member_is_struck_off_not_expelled(make_member):
    member = make_member(admitted=date(2024, 3, 1))
    with pytest.raises(ValidationError) as caught:
        record_event(member.id, v.EXPELLED_EVENT, date(2024, 9, 1), decision_no="15-QĐ/ĐUK")
    assert "xóa tên" in caught.value.message
    record_event(member.id, v.STRUCK_OFF_EVENT, date(2024, 9, 1))
    assert get_member(member.id).status == v.STRUCK_OFF


def test_readmission_after_36_months_and_only_once(bloc_tree, make_member):
    member = make_member(admitted=date(2005, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2006, 3, 1))
    record_event(member.id, v.STRUCK_OFF_EVENT, date(2015, 1, 10))
    with pytest.raises(ValidationError) as caught:
        record_event(member.id, v.READMITTED, date(2017, 1, 10), org_id=bloc_tree["cell_a"].id)
    assert "36 tháng" in caught.value.message and "10/01/2018" in caught.value.message
    record_event(member.id, v.READMITTED, date(2018, 2, 1), org_id=bloc_tree["cell_a"].id)
    stored = get_member(member.id)
    assert (stored.status, stored.membership) == (v.ACTIVE, v.PROBATIONARY)
    record_event(member.id, v.RESIGNED_EVENT, date(2019, 1, 1))
    with pytest.raises(ValidationError) as caught:
        record_event(member.id, v.READMITTED, date(2023, 1, 1), org_id=bloc_tree["cell_a"].id)
    assert "một lần" in caught.value.message


def test_transfer_in_needs_membership_and_temp_in_is_listed_not_counted(bloc_tree):
    from models.members.events import create_member
    from tests.conftest import person

    with pytest.raises(ValidationError) as caught:
        create_member(person(), {"kind": v.TRANSFER_IN, "date": date(2020, 1, 1),
                                 "org_id": bloc_tree["cell_a"].id})
    assert caught.value.field == "membership"
    guest = create_member(person(full_name="Lê Thị Hà", sex="F"),
                          {"kind": v.TEMP_IN_START, "date": date(2024, 1, 1),
                           "org_id": bloc_tree["cell_a"].id, "membership": v.FULL})
    assert guest.status == v.TEMP_IN
    record_event(guest.id, v.TEMP_IN_END, date(2024, 10, 1))
    assert get_member(guest.id).status == v.TEMP_ENDED


def test_remove_mistaken_event_restores_previous_state(make_member):
    member = make_member()
    wrong = record_event(member.id, v.DECEASED_EVENT, date(2022, 5, 5))
    remove_event(wrong.id)
    assert get_member(member.id).status == v.ACTIVE
    only = history(member.id)[0]
    with pytest.raises(ValidationError):
        remove_event(only.id)


def test_remove_refused_when_later_history_depends_on_it(make_member):
    member = make_member(admitted=date(2010, 1, 1))
    exempt = record_event(member.id, v.EXEMPTED, date(2020, 1, 1))
    record_event(member.id, v.RESUMED, date(2021, 1, 1))
    with pytest.raises(ValidationError):
        remove_event(exempt.id)
    assert len(history(member.id)) == 3


def test_event_date_checks(make_member):
    member = make_member()
    with pytest.raises(ValidationError) as caught:
        record_event(member.id, v.EXEMPTED, date(2999, 1, 1))
    assert caught.value.field == "date"
    with pytest.raises(ValidationError) as caught:
        record_event(member.id, v.EXEMPTED, None)
    assert caught.value.field == "date"


def test_allowed_kinds_follow_state(make_member):
    member = make_member()
    kinds = allowed_kinds(member.id)
    assert v.TRANSFER_OUT in kinds and v.MOVED in kinds
    assert v.ADMITTED not in kinds and v.TEMP_OUT_RETURN not in kinds
    assert set(allowed_kinds(None)) == set(v.OPENING_EVENTS)


def test_history_says_who_recorded_each_event(make_member):
    from models.accounts import session
    from models.accounts.session import ADMIN
    from models.accounts.users import authenticate, create_user

    member = make_member(admitted=date(2010, 1, 1))
    create_user("quantri", "Quản Trị", ADMIN, "mat-khau-du-dai")
    with session.acting_as(authenticate("quantri", "mat-khau-du-dai")):
        record_event(member.id, v.RECOGNISED, date(2011, 1, 5))
    rows = history(member.id)
    assert [row.recorded_by for row in rows] == [session.LOCAL_ADMIN.username, "quantri"]


def test_a_transfer_out_names_where_to_and_the_decision(make_member):
    """Reported: a transfer out was saved with no destination and no decision number."""
    member = make_member()
    with pytest.raises(ValidationError) as error:
        record_event(member.id, v.TRANSFER_OUT, date(2024, 9, 1), decision_no="125-QĐ/ĐUK")
    assert error.value.field == "place"
    with pytest.raises(ValidationError) as error:
        record_event(member.id, v.TRANSFER_OUT, date(2024, 9, 1), place="Đảng bộ tỉnh Bắc Ninh")
    assert error.value.field == "decision_no"
    assert get_member(member.id).status == v.ACTIVE
    record_event(member.id, v.TRANSFER_OUT, date(2024, 9, 1), place="Đảng bộ tỉnh Bắc Ninh",
                 decision_no="125-QĐ/ĐUK")
    assert get_member(member.id).status == v.TRANSFERRED_OUT


def test_a_day_or_number_typed_wrong_is_corrected_with_the_history_replayed(bloc_tree, make_member):
    member = make_member(admitted=date(2010, 3, 1))
    recognised = record_event(member.id, v.RECOGNISED, date(2011, 3, 20), decision_no="12-QĐ/ĐUK")
    moved = record_event(member.id, v.MOVED, date(2015, 1, 5), org_id=bloc_tree["small"].id)
    correct_event(recognised.id, date(2011, 3, 2), "21-QĐ/ĐUK")
    stored = get_member(member.id)
    assert stored.full_member_date == date(2011, 3, 2)
    assert [(row.date, row.decision_no) for row in history(member.id)][1] == (date(2011, 3, 2), "21-QĐ/ĐUK")
    # Before twelve months of probation, or a move before the admission: refused, nothing changed.
    for event_id, day in ((recognised.id, date(2010, 12, 1)), (moved.id, date(2009, 1, 1))):
        with pytest.raises(ValidationError):
            correct_event(event_id, day, "")
    admitted = history(member.id)[0]
    with pytest.raises(ValidationError, match="chưa đủ 18 tuổi"):  # the record's own rule, as its form has it
        correct_event(admitted.id, date(1998, 3, 1), "")
    assert [row.date for row in history(member.id)] == [date(2010, 3, 1), date(2011, 3, 2), date(2015, 1, 5)]
    assert get_member(member.id).org_id == bloc_tree["small"].id
