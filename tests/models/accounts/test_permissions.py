"""Role matrix: each role × each write operation, allowed or refused, at the models level."""

from datetime import date

import pytest

from models.accounts import session
from models.accounts.office import OfficeDetails, save_office_details
from models.accounts.session import ADMIN, CLERK, VIEWER
from models.accounts.users import authenticate, create_user, set_password, update_user
from models.admissions.cases import create_case
from models.admissions.steps import correct_step, record_step
from models.admissions.targets import set_target
from models.awards.awarding import create_award
from models.awards.badges import present_badge
from models.core import vocab as v
from models.core.db import database
from models.core.errors import Forbidden
from models.documents.register import register_document, save_draft, set_term_start
from models.documents.templates import save_template
from models.inspections.cases import create_inspection, record_discipline
from models.meetings.record import create_meeting
from models.members.events import create_member, record_event, remove_event
from models.members.record import member_fields, set_photo, update_member
from models.members.search import MemberFilter, member_ids
from models.orgs.changes import create_org, dissolve_org, move_org, update_org
from models.ratings.grid import rate_members, rate_org
from tests.conftest import person

PASSWORD = "mat-khau-du-dai"
JPEG = b"\xff\xd8\xff\xe0" + b"0" * 64


@pytest.fixture
def office(bloc_tree, make_member):
    """Records made while no account existed, then three accounts and a limited clerk."""
    in_base = make_member(org=bloc_tree["cell_a"], identity_number="001080012345",
                          residence="Tổ 1, phường Hồng Hà")
    in_small = make_member(org=bloc_tree["small"], full_name="Lê Thị Hoa", sex="F")
    veteran = make_member(org=bloc_tree["cell_a"], full_name="Trần Văn Lâu", admitted=date(1990, 1, 10),
                          birth_date=date(1964, 6, 1))
    case = create_case({**CASE, "org_id": bloc_tree["cell_a"].id})
    stepped = create_case({**CASE, "full_name": "Phạm Văn Bước", "org_id": bloc_tree["cell_a"].id})
    record_step(stepped.id, "course", {"certificate_no": "1", "certificate_date": date(2023, 3, 1)})
    admin = create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        clerk = create_user("canbo", "Cán Bộ", CLERK, PASSWORD)
        create_user("xem", "Người Xem", VIEWER, PASSWORD)
        create_user("coso", "Cán Bộ Cơ Sở", CLERK, PASSWORD, org_ids=[bloc_tree["base"].id])
    return {"tree": bloc_tree, "in_base": in_base, "in_small": in_small, "admin": admin, "case": case,
            "stepped": stepped, "clerk": clerk, "veteran": veteran}


def operations(o):
    tree = o["tree"]
    opening = {"kind": v.ADMITTED, "date": date(2020, 1, 1)}
    return {
        "create_org": lambda: create_org(name="Chi bộ Mới", level=v.CBTT, parent_id=tree["base"].id),
        "update_org": lambda: update_org(tree["cell_b"].id, name="Chi bộ Văn phòng"),
        "move_org": lambda: move_org(tree["cell_b"].id, tree["base"].id),
        "dissolve_org": lambda: dissolve_org(tree["cell_b"].id, date(2024, 1, 1)),
        "create_member_in_base": lambda: create_member(
            person(full_name="Đỗ Văn Mới"), {**opening, "org_id": tree["cell_a"].id}),
        "create_member_in_small": lambda: create_member(
            person(full_name="Đỗ Văn Khác"), {**opening, "org_id": tree["small"].id}),
        "update_member_in_base": lambda: update_member(
            o["in_base"].id, person(note="đã sửa", identity_number="001080012345")),
        "update_member_in_small": lambda: update_member(
            o["in_small"].id, person(full_name="Lê Thị Hoa", sex="F", note="đã sửa")),
        "record_event_in_base": lambda: record_event(o["in_base"].id, v.EXEMPTED, date(2024, 5, 1)),
        "record_event_in_small": lambda: record_event(o["in_small"].id, v.EXEMPTED, date(2024, 5, 1)),
        "move_member_out_of_scope": lambda: record_event(
            o["in_base"].id, v.MOVED, date(2024, 5, 1), org_id=tree["small"].id),
        "remove_event_in_base": lambda: remove_event(
            record_event(o["in_base"].id, v.EXEMPTED, date(2024, 5, 1)).id),
        "set_photo_in_base": lambda: set_photo(o["in_base"].id, JPEG),
        "create_user": lambda: create_user("moi", "Người Mới", CLERK, PASSWORD),
        "update_user": lambda: update_user(o["admin"].id, "Quản Trị Viên", ADMIN, True),
        "reset_other_password": lambda: set_password(
            (o["admin"] if session.current().username == "canbo" else o["clerk"]).id, "mat-khau-moi-1"),
        "save_office_details": lambda: save_office_details(OfficeDetails(
            "Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh", "ĐUK", "Hạ Long")),
        "create_case_in_base": lambda: create_case({**CASE, "org_id": tree["cell_a"].id}),
        "create_case_in_small": lambda: create_case({**CASE, "org_id": tree["small"].id}),
        "record_step_in_base": lambda: record_step(o["case"].id, "course", {
            "certificate_no": "1", "certificate_date": date(2023, 3, 1)}),
        "correct_step_in_base": lambda: correct_step(o["stepped"].id, "course", {
            "certificate_no": "2", "certificate_date": date(2023, 3, 2)}),
        "set_bloc_target": lambda: set_target(None, 2024, 2024, 5),
        "set_base_target": lambda: set_target(tree["base"].id, 2024, 2024, 2),
        "bloc_inspection": lambda: create_inspection({"performer": "BTV_DUK", "kind": "GS_CHUYEN_DE",
                                                      "status": "PLANNED", "planned": True,
                                                      "plan_year": 2024}),
        "base_inspection": lambda: create_inspection({"performer": "CAP_UY_CO_SO", "kind": "KT_CHAP_HANH",
                                                      "performer_org_id": tree["base"].id,
                                                      "status": "PLANNED", "plan_year": 2024}),
        "rate_in_base": lambda: rate_members(2023, [(o["in_base"].id, "HTTNV", None, None)]),
        "rate_small_org": lambda: rate_org(2023, tree["small"].id, "HTTNV"),
        "award_small_org": lambda: create_award(recipient_kind=v.ORG_RECIPIENT, org_id=tree["small"].id,
                                                form="GIAY_KHEN", issuer="Ban Thường vụ Đảng ủy Khối",
                                                decision_date=date(2024, 1, 5)),
        "award_member_in_base": lambda: create_award(recipient_kind=v.MEMBER_RECIPIENT,
                                                     member_id=o["in_base"].id, form="GIAY_KHEN",
                                                     issuer="Đảng ủy cơ sở", decision_date=date(2024, 1, 5)),
        "badge_in_base": lambda: present_badge(o["veteran"].id, 30, date(2020, 2, 3)),
        "bch_meeting": lambda: create_meeting({"body": "BCH_DUK", "kind": "KHAC", "date": date(2024, 3, 5)}),
        "cell_meeting_in_base": lambda: create_meeting({"body": "CHI_BO", "org_id": tree["cell_a"].id,
                                                        "kind": "THUONG_KY", "date": date(2024, 3, 5)}),
        "register_document": lambda: register_document("BC", "Báo cáo", date(2024, 5, 1)),
        "save_draft": lambda: save_draft("year-end", 2024, [{"key": "a", "text": "x"}]),
        "set_term_start": lambda: set_term_start(date(2020, 10, 1)),
        "save_template": lambda: save_template("ky-luat", "", "Điều 1. Kỷ luật {người nhận}.", ""),
        "discipline_in_base": lambda: record_discipline("DANG_VIEN", "KHIEN_TRACH", "Đảng ủy cơ sở",
                                                        "1-QĐ/ĐU", date(2024, 5, 1), None,
                                                        member_id=o["in_base"].id),
    }


CASE = {"full_name": "Hoàng Thị Mai", "sex": "F", "birth_date": date(1998, 4, 10),
        "listed_on": date(2023, 1, 9)}
EVERYTHING = {"rate_in_base", "rate_small_org", "award_small_org", "award_member_in_base", "badge_in_base",
              "bch_meeting", "cell_meeting_in_base",
              "register_document", "save_draft", "set_term_start", "save_template",
              "bloc_inspection", "base_inspection",
              "discipline_in_base", "create_case_in_base",
              "create_case_in_small", "record_step_in_base", "correct_step_in_base",
              "set_bloc_target", "set_base_target", "create_org", "update_org", "move_org",
              "dissolve_org", "create_member_in_base",
              "create_member_in_small", "update_member_in_base", "update_member_in_small",
              "record_event_in_base", "record_event_in_small", "move_member_out_of_scope",
              "remove_event_in_base", "set_photo_in_base", "create_user", "update_user",
              "reset_other_password", "save_office_details"}
RECORDS = EVERYTHING - {"create_user", "update_user", "reset_other_password", "save_office_details",
                        "set_term_start", "save_template"}
ALLOWED = {
    "quantri": EVERYTHING,
    "canbo": RECORDS,
    "xem": set(),
    "coso": {"create_member_in_base", "update_member_in_base", "record_event_in_base",
             "remove_event_in_base", "set_photo_in_base", "create_case_in_base",
             "record_step_in_base", "correct_step_in_base", "set_base_target", "base_inspection",
             "discipline_in_base",
             "rate_in_base", "award_member_in_base", "badge_in_base", "cell_meeting_in_base"},
}


@pytest.mark.parametrize("username", sorted(ALLOWED))
def test_role_matrix(office, username):
    """Each operation runs in a savepoint that is rolled back, so all start from one state."""
    ops = operations(office)
    assert set(ops) == EVERYTHING
    wrong = []
    with session.acting_as(authenticate(username, PASSWORD)):
        for name, run in sorted(ops.items()):
            with database.atomic() as savepoint:
                try:
                    run()
                    outcome = "allowed"
                except Forbidden:
                    outcome = "refused"
                savepoint.rollback()
            expected = "allowed" if name in ALLOWED[username] else "refused"
            if outcome != expected:
                wrong.append(f"{name}: {outcome}, expected {expected}")
    assert wrong == []


def test_nobody_signed_in_may_not_write_once_accounts_exist(office):
    assert session.current() is None
    with pytest.raises(Forbidden) as caught:
        record_event(office["in_base"].id, v.EXEMPTED, date(2024, 5, 1))
    assert "Chưa đăng nhập" in caught.value.message


def test_viewer_sees_identity_and_address_masked(office):
    with session.acting_as(authenticate("xem", PASSWORD)):
        shown = member_fields(office["in_base"])
    assert shown["identity_number"] == "••••••" and shown["residence"] == "••••••"
    assert shown["full_name"] == "Nguyễn Văn Đức"
    with session.acting_as(authenticate("canbo", PASSWORD)):
        assert member_fields(office["in_base"])["identity_number"] == "001080012345"


def test_limited_clerk_lists_only_their_organisations(office):
    with session.acting_as(authenticate("coso", PASSWORD)):
        assert sorted(member_ids(MemberFilter())) == sorted([office["in_base"].id, office["veteran"].id])
    with session.acting_as(authenticate("canbo", PASSWORD)):
        assert len(member_ids(MemberFilter())) == 3
