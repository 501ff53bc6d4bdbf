"""Each domain's writes, walked step by step: one audit entry per changed row, in the same
transaction (the helpers and the trail's own tests are in test_audit.py)."""

from datetime import date

from models.accounts.audit import verify_chain
from models.core import vocab as v
from models.members.events import record_event
from tests.models.accounts.test_audit import assert_each_step_audited


def test_admission_writes_leave_one_entry_per_changed_row(bloc_tree):
    from models.admissions.cases import create_case, get_case, update_case
    from models.admissions.steps import (
        correct_registry_event,
        fail_probation,
        record_step,
        reopen_case,
        withdraw,
    )
    from models.admissions.targets import remove_target, set_target
    from models.members.tables import MemberEvent

    person_fields = {"full_name": "Hoàng Thị Mai", "sex": "F", "birth_date": date(1998, 4, 10),
                     "org_id": bloc_tree["cell_a"].id, "listed_on": date(2023, 1, 9)}
    box = {}
    steps = [
        ("create_case", lambda: box.update(c=create_case(person_fields))),
        ("update_case", lambda: update_case(box["c"].id, {**person_fields, "ethnicity": "Tày"})),
        ("course", lambda: record_step(box["c"].id, "course", {
            "certificate_no": "1", "certificate_date": date(2023, 3, 1)})),
        ("verified", lambda: record_step(box["c"].id, "verified", {"history_verified_on": date(2023, 6, 1)})),
        ("cell", lambda: record_step(box["c"].id, "cell", {
            "cell_resolution_no": "1", "cell_resolution_date": date(2023, 9, 5), "votes_for": 9,
            "votes_total": 10})),
        ("base", lambda: record_step(box["c"].id, "base", {
            "base_resolution_no": "2", "base_resolution_date": date(2023, 9, 20)})),
        ("decision", lambda: record_step(box["c"].id, "decision", {
            "decision_no": "3", "decision_date": date(2023, 11, 1)})),
        ("ceremony", lambda: record_step(box["c"].id, "ceremony", {"ceremony_date": date(2023, 11, 20)})),
        ("correct the admission event", lambda: correct_registry_event(
            MemberEvent.get(MemberEvent.member == get_case(box["c"].id).member_id).id, date(2023, 11, 2),
            "3")),
        ("fail_probation", lambda: fail_probation(box["c"].id, date(2024, 6, 1), "Vi phạm")),
        ("reopen the struck off", lambda: reopen_case(box["c"].id)),
        ("create second", lambda: box.update(d=create_case({**person_fields, "full_name": "Lê Văn Hai"}))),
        ("withdraw", lambda: withdraw(box["d"].id, date(2023, 5, 1), "Chuyển công tác")),
        ("reopen the withdrawn", lambda: reopen_case(box["d"].id)),
        ("set_target", lambda: box.update(t=set_target(None, 2024, 2024, 5))),
        ("set_target again", lambda: set_target(None, 2024, 2024, 6)),
        ("remove_target", lambda: remove_target(box["t"].id)),
    ]
    assert_each_step_audited(steps)
    assert verify_chain().intact


def test_inspection_writes_leave_one_entry_per_changed_row(bloc_tree, make_member):
    from models.inspections.cases import (
        add_subject,
        conclude_subject,
        create_inspection,
        record_discipline,
        remove_subject,
        update_inspection,
    )
    from models.inspections.corrections import correct_discipline, remove_discipline
    from models.orgs.changes import create_org, redate_dissolution

    empty = create_org(name="Chi bộ Trống", level=v.CBCS, parent_id=bloc_tree["bloc"].id)
    member = make_member(admitted=date(2010, 1, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 1, 5))
    fields = {"performer": "UBKT_DUK", "kind": "KT_DAU_HIEU_VI_PHAM", "status": "IN_PROGRESS",
              "start_date": date(2024, 3, 1)}
    box = {}
    steps = [
        ("create", lambda: box.update(c=create_inspection(fields))),
        ("update", lambda: update_inspection(box["c"].id, {**fields, "status": "CONCLUDED",
                                                          "end_date": date(2024, 4, 1)})),
        ("add member", lambda: box.update(s=add_subject(box["c"].id, "DANG_VIEN", member_id=member.id))),
        ("add org", lambda: box.update(o=add_subject(box["c"].id, "TO_CHUC", org_id=bloc_tree["small"].id))),
        ("conclude", lambda: conclude_subject(box["s"].id, "DISCIPLINE", "Kiểm điểm")),
        ("remove", lambda: remove_subject(box["o"].id)),
        ("expel", lambda: box.update(d=record_discipline("DANG_VIEN", "KHAI_TRU", "BTV", "9-QĐ/ĐUK",
                                                         date(2024, 5, 1), None, member_id=member.id,
                                                         case_id=box["c"].id))),
        ("correct expulsion", lambda: correct_discipline(box["d"].id, {
            "deciding_body": "BTV", "decision_no": "19-QĐ/ĐUK", "decision_date": date(2024, 5, 3)})),
        ("take expulsion back", lambda: remove_discipline(box["d"].id)),
        ("dissolve", lambda: box.update(g=record_discipline("TO_CHUC", "GIAI_TAN", "BTV", "10-QĐ/ĐUK",
                                                            date(2024, 5, 1), None, org_id=empty.id))),
        ("redate dissolution", lambda: redate_dissolution(empty.id, date(2024, 5, 2))),
        ("take dissolution back", lambda: remove_discipline(box["g"].id)),
    ]
    assert_each_step_audited(steps)


def test_register_and_draft_writes_leave_one_entry_per_changed_row(db):
    from models.documents.register import register_document, save_draft, set_term_start
    from models.documents.templates import DEFAULTS, save_template

    wording = DEFAULTS["ket-nap"]
    steps = [
        ("template", lambda: save_template("ket-nap", wording.grounds, wording.articles + "\nĐiều 4. Thêm.",
                                           wording.recipients)),
        ("template again", lambda: save_template("ket-nap", wording.grounds, wording.articles,
                                                 wording.recipients)),
        ("term", lambda: set_term_start(date(2020, 10, 1))),
        ("term again", lambda: set_term_start(date(2020, 10, 2))),
        ("issue", lambda: register_document("BC", "Báo cáo", date(2021, 1, 5))),
        ("draft", lambda: save_draft("year-end", 2021, [{"key": "a", "text": "x"}])),
        ("draft again", lambda: save_draft("year-end", 2021, [{"key": "a", "text": "y"}])),
    ]
    assert_each_step_audited(steps)


def test_rating_writes_leave_one_entry_per_changed_row(bloc_tree, make_member):
    from models.ratings.grid import rate_members, rate_org, set_totals

    member = make_member(admitted=date(2010, 1, 1))
    totals = {"total_members": 10, "rated": 9, "excellent": 1, "good": 6, "adequate": 2, "failed": 0,
              "not_rated": 1}
    steps = [
        ("rate member", lambda: rate_members(2023, [(member.id, "HTTNV", None, None)])),
        ("change rating", lambda: rate_members(2023, [(member.id, "HTXSNV", None, None)])),
        ("clear rating", lambda: rate_members(2023, [(member.id, None, None, None)])),
        ("rate org", lambda: rate_org(2023, bloc_tree["small"].id, "HTTNV")),
        ("totals", lambda: set_totals(2023, bloc_tree["small"].id, totals)),
        ("totals changed", lambda: set_totals(2023, bloc_tree["small"].id, {**totals, "failed": 1})),
        ("totals removed", lambda: set_totals(2023, bloc_tree["small"].id, None)),
    ]
    assert_each_step_audited(steps)


def test_award_and_badge_writes_leave_one_entry_per_changed_row(bloc_tree, make_member):
    from models.awards.awarding import award_many, create_award, delete_award, update_award
    from models.awards.badges import present_badge, present_badges, remove_badge

    member = make_member(admitted=date(1990, 1, 10), birth_date=date(1965, 4, 2))
    small = bloc_tree["small"].id
    common = {"form": "GIAY_KHEN", "issuer": "Ban Thường vụ Đảng ủy Khối", "decision_date": date(2024, 1, 5)}
    made = {}
    steps = [
        ("award", lambda: made.setdefault("a", create_award(recipient_kind=v.ORG_RECIPIENT, org_id=small,
                                                              **common))),
        ("award changed", lambda: update_award(made["a"].id, recipient_kind=v.ORG_RECIPIENT, org_id=small,
                                               **{**common, "form": "BANG_KHEN",
                                                  "issuer": "Ban Thường vụ Tỉnh ủy"})),
        ("award removed", lambda: delete_award(made["a"].id)),
        ("awards confirmed", lambda: award_many([(v.MEMBER_RECIPIENT, member.id),
                                                 (v.ORG_RECIPIENT, small)], **common)),
        ("badge", lambda: made.setdefault("b", present_badge(member.id, 30, date(2020, 2, 3)))),
        ("badge removed", lambda: remove_badge(made["b"].id)),
        ("badges for a list", lambda: present_badges([(member.id, 30, False)], date(2020, 5, 19), "7-QĐ/TU")),
    ]
    assert_each_step_audited(steps)


def test_meeting_writes_leave_one_entry_per_changed_row(bloc_tree, make_member, tmp_path):
    from models.meetings.bulk import create_meetings
    from models.meetings.files import attach_file, remove_file
    from models.meetings.record import (
        AttendanceLine,
        add_resolution,
        create_meeting,
        default_roster,
        delete_meeting,
        remove_resolution,
        set_attendance,
        update_meeting,
        update_resolution,
    )
    from models.meetings.vocab import CHI_BO, THUONG_KY

    make_member()
    scan = tmp_path / "bien-ban.pdf"
    scan.write_bytes(b"%PDF scan")
    fields = {"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY, "date": date(2024, 3, 5)}
    made = {}
    steps = [
        ("meeting", lambda: made.setdefault("m", create_meeting(fields))),
        ("meeting changed", lambda: update_meeting(made["m"].id, {**fields, "place": "Phòng họp số 2"})),
        ("attendance", lambda: set_attendance(made["m"].id, default_roster(made["m"].id))),
        ("attendance changed", lambda: set_attendance(made["m"].id, [AttendanceLine(None, "Khách mời")])),
        ("resolution", lambda: made.setdefault("r", add_resolution(made["m"].id, {"kind": "NGHI_QUYET",
                                                                                   "text": "Nghị quyết"}))),
        ("resolution changed", lambda: update_resolution(made["r"].id, {"kind": "KET_LUAN",
                                                                          "text": "Kết luận"})),
        ("resolution removed", lambda: remove_resolution(made["r"].id)),
        ("file", lambda: made.setdefault("f", attach_file(made["m"].id, scan))),
        ("file removed", lambda: remove_file(made["f"].id)),
        ("file again", lambda: attach_file(made["m"].id, scan)),
        ("resolution again", lambda: add_resolution(made["m"].id, {"kind": "NGHI_QUYET", "text": "NQ"})),
        ("meeting removed", lambda: delete_meeting(made["m"].id)),
        ("meetings at once", lambda: create_meetings([fields, {**fields, "date": date(2024, 4, 2)}])),
    ]
    assert_each_step_audited(steps)
