"""The badge list for a presentation day and the badges presented (DOMAIN §7)."""

from datetime import date

import pytest

from models.awards.badges import DUE, EARLY, POSTHUMOUS, badge_counts, badge_list, present_badge, remove_badge
from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.events import record_event


@pytest.fixture
def veterans(make_member):
    """Admission decisions chosen around the 3/2/2024 presentation."""
    old = {"birth_date": date(1950, 1, 1)}
    return {
        "due": make_member(full_name="Phạm Văn Đủ", admitted=date(1994, 1, 20), **old),  # 30y on 20/1/2024
        "overdue": make_member(full_name="Vũ Thị Quá", sex="F", admitted=date(1983, 5, 1), **old),  # 40y 2023
        "early": make_member(full_name="Đinh Văn Sớm", admitted=date(1994, 10, 1), **old),  # 30y on 1/10/2024
        "far": make_member(full_name="Lý Văn Xa", admitted=date(1996, 1, 1), **old),
        "young": make_member(full_name="Ngô Văn Trẻ", admitted=date(2015, 1, 1), **old),
    }


def test_badge_list_for_3_february(veterans):
    found = {(c.full_name, c.milestone, c.kind, c.reaches) for c in badge_list(date(2024, 2, 3))}
    assert found == {
        ("Phạm Văn Đủ", 30, DUE, date(2024, 1, 20)),
        ("Vũ Thị Quá", 40, DUE, date(2023, 5, 1)),  # reached 30 and 40 unawarded: the highest only
        ("Đinh Văn Sớm", 30, EARLY, date(2024, 10, 1)),  # within 12 months: flagged, not due
    }
    assert {c.full_name for c in badge_list(date(2024, 2, 3), with_early=False)} == {"Phạm Văn Đủ",
                                                                                       "Vũ Thị Quá"}


def test_presented_badges_leave_the_list_and_count_by_milestone(veterans):
    present_badge(veterans["due"].id, 30, date(2024, 2, 3), "125-QĐ/TU", date(2024, 1, 25), "0012345")
    present_badge(veterans["early"].id, 30, date(2024, 2, 3), note="ốm nặng")
    names = {c.full_name for c in badge_list(date(2024, 2, 3))}
    assert names == {"Vũ Thị Quá"}
    assert badge_counts(date(2024, 1, 1), date(2024, 12, 31)) == {30: 2}
    with pytest.raises(ValidationError, match="đã được tặng Huy hiệu 30 năm"):
        present_badge(veterans["due"].id, 30, date(2024, 5, 19))


def test_badge_refused_before_entitlement_even_early(veterans):
    with pytest.raises(ValidationError, match="sớm hơn 12 tháng"):
        present_badge(veterans["far"].id, 30, date(2024, 2, 3))
    with pytest.raises(ValidationError, match="mốc Huy hiệu"):
        present_badge(veterans["due"].id, 35, date(2024, 2, 3))


def test_posthumous_badge(veterans):
    record_event(veterans["far"].id, v.DECEASED_EVENT, date(2025, 3, 10))  # 30 years on 1/1/2026
    candidates = {c.full_name: c for c in badge_list(date(2025, 9, 2))}
    assert candidates["Lý Văn Xa"].kind == POSTHUMOUS and candidates["Lý Văn Xa"].died_on == date(2025, 3, 10)
    with pytest.raises(ValidationError, match="truy tặng"):
        present_badge(veterans["far"].id, 30, date(2025, 9, 2))
    badge = present_badge(veterans["far"].id, 30, date(2025, 9, 2), posthumous=True)
    assert badge.early and badge.posthumous
    remove_badge(badge.id)
    assert "Lý Văn Xa" in {c.full_name for c in badge_list(date(2025, 9, 2))}


def test_member_out_of_the_party_gets_no_badge(veterans):
    record_event(veterans["due"].id, v.STRUCK_OFF_EVENT, date(2023, 6, 1))
    assert "Phạm Văn Đủ" not in {c.full_name for c in badge_list(date(2024, 2, 3))}
    with pytest.raises(ValidationError, match="đã ra khỏi Đảng"):
        present_badge(veterans["due"].id, 30, date(2024, 2, 3))


def test_a_member_readmitted_before_the_registry_is_flagged_for_the_gap(bloc_tree):
    from models.members.events import create_member

    member = create_member({"full_name": "Đào Văn Lại", "sex": "M", "birth_date": date(1950, 1, 1),
                            "admission_date": date(1980, 3, 1)},
                           {"kind": v.READMITTED, "date": date(1993, 6, 1), "org_id": bloc_tree["cell_a"].id})
    found = {c.member_id: c for c in badge_list(date(2024, 2, 3))}
    assert found[member.id].milestone == 40 and found[member.id].unknown_gap


def test_the_proposal_names_those_due_not_those_who_could_be_given_it_early(veterans):
    """The proposal to the provincial committee for 03/02/2027 said "10 đồng chí đủ tiêu chuẩn", and
    nine of them would complete 30 years later in 2027: those the list flags as possible early
    awards (only for a member seriously ill, proposed with the illness stated). The proposal and
    the home page's count name those due (and the posthumous), as the list without early cases."""
    from models.documents.award_papers import badge_paper
    from reports.glance import attention_lines

    paper = badge_paper(date(2024, 2, 3))
    assert {row[1] for row in paper.people} == {"Phạm Văn Đủ", "Vũ Thị Quá"}
    assert paper.facts["số đảng viên"] == "02"
    lines = [line.text for line in attention_lines(date(2024, 1, 10))]
    assert "2 đảng viên trong danh sách đề nghị Huy hiệu Đảng dịp Kỷ niệm ngày thành lập Đảng 3/2 " \
           "(03/02/2024)" in lines
