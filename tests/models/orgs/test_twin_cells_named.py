"""Lists tell twin cells apart. Many đảng bộ have a "Chi bộ Văn phòng" (seven in the demo); the
meetings list, the cells without a monthly meeting, the badge and five-year lists, the
inspections and disciplines, a member's history and the movements named each by its own name
alone, so a clerk could not tell whose it was."""

from datetime import date

import pytest

from models.awards.badges import badge_list
from models.core import vocab as v
from models.inspections.cases import add_subject, create_inspection, record_discipline
from models.inspections.lists import discipline_rows, inspection_rows, subject_rows
from models.meetings.lists import MeetingFilter, cells_without_monthly_meeting, meeting_rows
from models.meetings.record import create_meeting
from models.meetings.vocab import CHI_BO, THUONG_KY
from models.members.events import create_member, history
from models.movements.lists import entry_rows
from models.movements.record import create_movement, register
from models.movements.vocab import CAMPAIGN
from models.orgs.changes import create_org
from tests.conftest import person

TWINS = {"Chi bộ Văn phòng, Đảng bộ Sở Y tế", "Chi bộ Văn phòng, Đảng bộ Sở Xây dựng"}


@pytest.fixture
def twins(db):
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK")
    cells = []
    for n, office in enumerate(("Sở Y tế", "Sở Xây dựng")):
        base = create_org(name=f"Đảng bộ {office}", level=v.DBCS, parent_id=bloc.id)
        cell = create_org(name="Chi bộ Văn phòng", level=v.CBTT, parent_id=base.id)
        member = create_member(person(full_name=f"Trần Văn {'AB'[n]}", identity_number=f"00108001234{n}",
                                      birth_date=date(1962, 4, 1)),
                               {"kind": v.ADMITTED, "date": date(1990, 1, 10), "org_id": cell.id})
        cells.append((cell, member))
    return cells


def test_each_list_names_twin_cells_apart(twins):
    for cell, _member in twins:
        create_meeting({"body": CHI_BO, "org_id": cell.id, "kind": THUONG_KY, "date": date(2024, 3, 5)})
    assert {row.org_name for row in meeting_rows(MeetingFilter())} == TWINS
    assert {f"{gap.name}, {gap.parent}" for gap in cells_without_monthly_meeting(2024, 4)} == TWINS
    assert {c.org_name for c in badge_list(date(2024, 2, 3))} == TWINS
    assert {row.org_name for cell, member in twins for row in history(member.id)} == TWINS

    case = create_inspection({"performer": "BTV_DUK", "kind": "KT_CHAP_HANH", "status": "CONCLUDED",
                              "start_date": date(2023, 3, 1), "end_date": date(2023, 4, 1)})
    for cell, _member in twins:
        add_subject(case.id, "TO_CHUC", org_id=cell.id)
        record_discipline("TO_CHUC", "KHIEN_TRACH", "Ban Thường vụ Đảng ủy Khối", "7-QĐ/ĐUK",
                          date(2023, 5, 2), None, org_id=cell.id)
    assert {row.name for row in subject_rows(case.id)} == TWINS
    assert set(inspection_rows(2023)[0].subject_names) == TWINS
    assert {row.name for row in discipline_rows(2023)} == TWINS

    campaign = create_movement({"name": "Dân vận khéo", "kind": CAMPAIGN, "start_date": date(2023, 1, 10)})
    for cell, _member in twins:
        register(campaign.id, date(2023, 2, 1), org_id=cell.id)
    assert {row.name for row in entry_rows(campaign.id)} == TWINS


def test_a_case_says_which_organisation_performed_it(twins):
    """Reported: the inspections list said "Đảng ủy, chi bộ cơ sở" for 30 cases, never whose."""
    (cell, _member), _other = twins
    done = {"status": "CONCLUDED", "start_date": date(2023, 3, 1), "end_date": date(2023, 4, 1)}
    create_inspection({"performer": "CAP_UY_CO_SO", "performer_org_id": cell.parent_id,
                       "kind": "KT_CHAP_HANH", **done})
    create_inspection({"performer": "CHI_BO_TRUC_THUOC", "performer_org_id": cell.id,
                       "kind": "GS_THUONG_XUYEN", **done, "start_date": date(2023, 5, 1),
                       "end_date": date(2023, 6, 1)})
    create_inspection({"performer": "BTV_DUK", "kind": "KT_CHAP_HANH", "status": "CONCLUDED",
                       "start_date": date(2023, 7, 1), "end_date": date(2023, 8, 1)})
    assert [row.labels[0] for row in inspection_rows(2023)] == [
        "Ban Thường vụ Đảng ủy Khối", "Chi bộ Văn phòng, Đảng bộ Sở Y tế", "Cấp ủy Đảng bộ Sở Y tế"]


def test_admission_reminders_name_the_cell_with_its_dang_bo(twins):
    from models.admissions.watch import attention

    for n, (cell, _member) in enumerate(twins):
        create_member(person(full_name=f"Lê Thị {'CD'[n]}", identity_number=f"00119001234{n}",
                             birth_date=date(1995, 4, 1)),
                      {"kind": v.ADMITTED, "date": date(2025, 1, 10), "org_id": cell.id})
    assert {reminder.org_name for reminder in attention(date(2026, 1, 20))} == TWINS
