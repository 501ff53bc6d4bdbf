from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.admissions.cases import (
    DECIDED,
    FULL,
    POOL,
    PROBATION,
    STRUCK_OFF,
    WITHDRAWN,
    create_case,
    full_member_date,
    get_case,
    next_step,
)
from models.admissions.steps import fail_probation, record_step, reopen_case, withdraw
from models.admissions.tables import AdmissionCase
from models.admissions.watch import attention, case_warnings
from models.core import vocab as v
from models.core.dates import add_months, months_between
from models.core.errors import ValidationError
from models.members.events import history
from models.members.record import get_member
from models.members.tables import Member


def candidate(org, **overrides):
    fields = {"full_name": "Hoàng Thị Mai", "sex": "F", "birth_date": date(1998, 4, 10),
              "ethnicity": "Tày", "youth_union": True, "org_id": org.id,
              "listed_on": date(2023, 1, 9)}
    fields.update(overrides)
    return fields


def take_to_ceremony(case, ceremony=date(2023, 11, 20)):
    record_step(case.id, "course", {"course_from": date(2023, 2, 1), "course_to": date(2023, 2, 5),
                                    "certificate_no": "12/CN", "certificate_date": date(2023, 2, 10)})
    record_step(case.id, "verified", {"history_verified_on": date(2023, 6, 1)})
    record_step(case.id, "cell", {"cell_resolution_no": "05-NQ/CB",
                                  "cell_resolution_date": date(2023, 9, 5),
                                  "votes_for": 9, "votes_total": 10})
    if next_step(get_case(case.id)) == "base":
        record_step(case.id, "base", {"base_resolution_no": "22-NQ/ĐU",
                                      "base_resolution_date": date(2023, 9, 20)})
    record_step(case.id, "decision", {"decision_no": "315-QĐ/ĐUK", "decision_date": date(2023, 11, 1)})
    return record_step(case.id, "ceremony", {"ceremony_date": ceremony})


def test_from_the_pool_to_full_membership(bloc_tree):
    case = create_case(candidate(bloc_tree["cell_a"]))
    assert next_step(case) == "course"
    take_to_ceremony(case)
    case = get_case(case.id)
    assert case.state == PROBATION and case.member_id
    member = get_member(case.member_id)
    assert (member.membership, member.status, member.org_id) == (v.PROBATIONARY, v.ACTIVE,
                                                                 bloc_tree["cell_a"].id)
    assert member.admission_date == date(2023, 11, 1) and member.ceremony_date == date(2023, 11, 20)
    assert member.youth_union
    with pytest.raises(ValidationError) as caught:
        record_step(case.id, "full", {"review_date": date(2024, 11, 1), "full_decision_no": "1",
                                      "full_decision_date": date(2024, 11, 5)})
    assert "20/11/2024" in caught.value.message
    # Approved late, but full membership dates from ceremony + 12 months.
    record_step(case.id, "full", {"review_date": date(2025, 1, 15), "full_decision_no": "40-QĐ/ĐUK",
                                  "full_decision_date": date(2025, 2, 3)})
    member = get_member(case.member_id)
    assert member.membership == v.FULL and member.full_member_date == date(2024, 11, 20)
    assert [r.kind for r in history(member.id)] == [v.ADMITTED, v.RECOGNISED]
    assert get_case(case.id).state == FULL and next_step(get_case(case.id)) is None


def test_steps_only_in_order_and_dates_in_order(bloc_tree):
    case = create_case(candidate(bloc_tree["cell_a"]))
    with pytest.raises(ValidationError) as caught:
        record_step(case.id, "cell", {"cell_resolution_no": "1", "cell_resolution_date": date(2023, 9, 5),
                                      "votes_for": 5, "votes_total": 6})
    assert "Bước tiếp theo là “Lớp bồi dưỡng" in caught.value.message
    record_step(case.id, "course", {"certificate_no": "1", "certificate_date": date(2023, 3, 1)})
    with pytest.raises(ValidationError) as caught:
        record_step(case.id, "verified", {"history_verified_on": date(2023, 2, 1)})
    assert "ở trước bước “Lớp bồi dưỡng" in caught.value.message
    assert get_case(case.id).history_verified_on is None


def test_age_counted_in_months_at_the_cell_resolution(bloc_tree):
    case = create_case(candidate(bloc_tree["small"], birth_date=date(2005, 9, 6),
                                 listed_on=date(2023, 1, 9)))
    record_step(case.id, "course", {"certificate_no": "1", "certificate_date": date(2023, 3, 1)})
    record_step(case.id, "verified", {"history_verified_on": date(2023, 6, 1)})
    with pytest.raises(ValidationError) as caught:
        record_step(case.id, "cell", {"cell_resolution_no": "1", "cell_resolution_date": date(2023, 9, 5),
                                      "votes_for": 5, "votes_total": 6})
    assert "17 tuổi 11 tháng" in caught.value.message
    # Fine the day of the 18th birthday; a chi bộ cơ sở needs no separate committee step.
    record_step(case.id, "cell", {"cell_resolution_no": "1", "cell_resolution_date": date(2023, 9, 6),
                                  "votes_for": 5, "votes_total": 6})
    assert next_step(get_case(case.id)) == "decision"


def test_resolution_needs_more_than_half(bloc_tree):
    case = create_case(candidate(bloc_tree["small"]))
    record_step(case.id, "course", {"certificate_no": "1", "certificate_date": date(2023, 3, 1)})
    record_step(case.id, "verified", {"history_verified_on": date(2023, 6, 1)})
    with pytest.raises(ValidationError) as caught:
        record_step(case.id, "cell", {"cell_resolution_no": "1", "cell_resolution_date": date(2023, 9, 5),
                                      "votes_for": 5, "votes_total": 10})
    assert "5/10" in caught.value.message


def test_ceremony_failure_leaves_neither_half(bloc_tree, make_member):
    make_member(full_name="Người Khác Đã Có", identity_number="001198000001")
    case = create_case(candidate(bloc_tree["cell_a"], identity_number="001198000001"))
    members_before = Member.select().count()
    with pytest.raises(ValidationError):
        take_to_ceremony(case)  # the identity number already belongs to a member
    case = get_case(case.id)
    assert case.state == DECIDED and case.ceremony_date is None and case.member_id is None
    assert Member.select().count() == members_before


def test_failed_probation_is_struck_off_with_reason(bloc_tree):
    case = create_case(candidate(bloc_tree["cell_a"]))
    take_to_ceremony(case)
    with pytest.raises(ValidationError):
        fail_probation(case.id, date(2024, 6, 1), "  ")
    fail_probation(case.id, date(2024, 6, 1), "Vi phạm tư cách đảng viên")
    member = get_member(get_case(case.id).member_id)
    assert member.status == v.STRUCK_OFF and get_case(case.id).state == STRUCK_OFF
    assert history(member.id)[-1].note == "Vi phạm tư cách đảng viên"


def test_withdraw_only_before_the_decision(bloc_tree):
    case = create_case(candidate(bloc_tree["cell_a"]))
    withdraw(case.id, date(2023, 5, 1), "Chuyển công tác")
    assert get_case(case.id).state == WITHDRAWN
    with pytest.raises(ValidationError):
        record_step(case.id, "course", {"certificate_no": "1", "certificate_date": date(2023, 3, 1)})


def test_an_ending_recorded_on_the_wrong_case_is_taken_back(bloc_tree):
    """"Thôi xét" or "Xóa tên khi dự bị" pressed on the wrong case ended it for ever: the person
    had to be entered again from the start, and a member struck off stayed so on the case even
    once the history's event was removed."""
    listed = create_case(candidate(bloc_tree["cell_a"]))
    withdraw(listed.id, date(2023, 5, 1), "Chuyển công tác")
    reopen_case(listed.id)
    case = get_case(listed.id)
    assert (case.state, case.ended_on, case.end_reason) == (POOL, None, "")
    record_step(case.id, "course", {"certificate_no": "1", "certificate_date": date(2023, 3, 1)})  # goes on
    admitted = create_case(candidate(bloc_tree["cell_a"], full_name="Trần Thị Dự Bị"))
    take_to_ceremony(admitted)
    fail_probation(admitted.id, date(2024, 6, 1), "Vi phạm tư cách đảng viên")
    reopen_case(admitted.id)
    case = get_case(admitted.id)
    assert case.state == PROBATION and case.ended_on is None
    member = get_member(case.member_id)
    assert member.status == v.ACTIVE and [row.kind for row in history(member.id)] == [v.ADMITTED]
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        reopen_case(admitted.id)


def test_introducer_and_deadline_warnings(bloc_tree, make_member):
    probationer = make_member(full_name="Lê Văn Dự", admitted=date(2022, 5, 1))
    full = make_member(full_name="Trần Văn Đủ", admitted=date(2000, 1, 1), org=bloc_tree["small"])
    from models.members.events import record_event

    record_event(full.id, v.RECOGNISED, date(2001, 1, 5))
    case = create_case(candidate(bloc_tree["cell_a"], introducer1_id=probationer.id,
                                 introducer1_since=date(2022, 6, 1), introducer2_id=full.id,
                                 introducer2_since=date(2020, 1, 1)))
    warnings = " | ".join(case_warnings(get_case(case.id), today=date(2023, 2, 1)))
    assert "Lê Văn Dự không phải đảng viên chính thức" in warnings
    assert "Trần Văn Đủ không cùng chi bộ" in warnings
    assert "chưa đủ 1 năm" in warnings
    assert "Quá 12 tháng" in " ".join(case_warnings(get_case(case.id), today=date(2024, 3, 1)))


def test_late_ceremony_is_a_warning_not_a_block(bloc_tree):
    case = create_case(candidate(bloc_tree["cell_a"]))
    take_to_ceremony(case, ceremony=date(2024, 1, 30))
    assert any("Lễ kết nạp quá 30 ngày làm việc" in w for w in case_warnings(get_case(case.id)))
    assert get_case(case.id).state == PROBATION


def test_attention_list(bloc_tree, make_member):
    due_soon = make_member(full_name="Phạm Văn Sắp", admitted=date(2025, 1, 2))
    Member.update(ceremony_date=date(2025, 1, 20)).where(Member.id == due_soon.id).execute()
    create_case(candidate(bloc_tree["cell_a"], full_name="Vũ Văn Chậm", listed_on=date(2024, 1, 5)))
    waiting = create_case(candidate(bloc_tree["cell_a"], full_name="Đỗ Thị Chờ"))
    record_step(waiting.id, "course", {"certificate_no": "1", "certificate_date": date(2023, 3, 1)})
    record_step(waiting.id, "verified", {"history_verified_on": date(2023, 6, 1)})
    record_step(waiting.id, "cell", {"cell_resolution_no": "1", "cell_resolution_date": date(2023, 9, 5),
                                     "votes_for": 9, "votes_total": 10})
    record_step(waiting.id, "base", {"base_resolution_no": "2", "base_resolution_date": date(2023, 9, 20)})
    record_step(waiting.id, "decision", {"decision_no": "3", "decision_date": date(2023, 11, 1)})
    create_case(candidate(bloc_tree["cell_a"], full_name="Ngô Văn Mới", listed_on=date(2025, 6, 1)))
    found = {(r.kind, r.name) for r in attention(today=date(2026, 1, 5))}
    assert found == {("review", "Phạm Văn Sắp"), ("stalled", "Vũ Văn Chậm"),
                     ("ceremony", "Đỗ Thị Chờ")}
    # Before the 30-day notice the probationer is not listed yet.
    assert all(r.name != "Phạm Văn Sắp" for r in attention(today=date(2025, 12, 1)))


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2010, 12, 31)),
       st.dates(min_value=date(1968, 1, 1), max_value=date(2070, 12, 31)))
def test_month_exact_age_rule(birth, on):
    months = months_between(birth, on)
    assert (months >= 18 * 12) == (on >= add_months(birth, 18 * 12))
    assert (months <= 60 * 12) == (on < add_months(birth, 60 * 12 + 1))


@given(st.dates(min_value=date(1960, 1, 1), max_value=date(2060, 12, 31)))
def test_full_membership_is_twelve_months_after_ceremony(ceremony):
    case = AdmissionCase(ceremony_date=ceremony)
    full = full_member_date(case)
    assert months_between(ceremony, full) == 12
    assert full.month == ceremony.month and full.year == ceremony.year + 1
    if ceremony.month == 2 and ceremony.day == 29:
        assert full == date(ceremony.year + 1, 2, 28)
    else:
        assert full.day == ceremony.day
