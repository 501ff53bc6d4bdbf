"""Every write path of models/ leaves exactly one audit entry per changed row, in the same
transaction; the hash chain finds rows changed behind the app's back."""

import inspect
import json
from datetime import date

import pytest

import models.accounts.office
import models.accounts.users
import models.admissions.cases
import models.admissions.steps
import models.admissions.targets
import models.awards.awarding
import models.awards.badges
import models.documents.register
import models.documents.templates
import models.inspections.cases
import models.inspections.corrections
import models.meetings.bulk
import models.meetings.files
import models.meetings.record
import models.members.events
import models.members.record
import models.movements.record
import models.orgs.changes
import models.orgs.contents
import models.orgs.tree
import models.ratings.grid
import models.residence.contact
import models.targets.record
import models.workplan.record
from models.accounts import session
from models.accounts.audit import verify_chain
from models.accounts.audit_batches import records_of
from models.accounts.office import OfficeDetails, save_office_details, save_setting
from models.accounts.session import ADMIN, CLERK
from models.accounts.tables import AuditEntry
from models.accounts.users import authenticate, create_user, set_password, update_user
from models.core import vocab as v
from models.core.db import database
from models.core.errors import ValidationError
from models.members.events import correct_event, create_member, record_event, remove_event
from models.members.record import set_photo, update_member
from models.members.tables import Member, MemberEvent
from models.orgs.changes import create_org, create_orgs, dissolve_org, move_org, update_org
from models.storage.trail_replay import AUDITED
from tests.conftest import person

TABLES = AUDITED  # every table but the trail itself and the schema's history (checked below)
PASSWORD = "mat-khau-du-dai"
JPEG = b"\xff\xd8\xff\xe0" + b"1" * 64


def snapshot() -> dict:
    rows = {}
    for table in TABLES:
        for row in table.select().dicts():
            key = row.get("id", row.get("member", row.get("key")))
            rows[(table._meta.table_name, str(key))] = row
    return rows


def changed_rows(before: dict, after: dict) -> set:
    keys = set(before) | set(after)
    return {key for key in keys if before.get(key) != after.get(key)}


def audited(operation) -> tuple[set, list]:
    before_rows, first_new = snapshot(), AuditEntry.select().count()
    operation()
    changed = changed_rows(before_rows, snapshot())
    entries = list(AuditEntry.select().order_by(AuditEntry.id).offset(first_new))
    return changed, [(e.table_name, record) for e in entries
                     for record in records_of(e.action, e.record_id, e.new_values)]


def assert_each_step_audited(steps: list[tuple[str, object]]) -> None:
    """Each (name, operation) changes something and leaves one audit entry per changed row."""
    problems = []
    for name, operation in steps:
        changed, entries = audited(operation)
        if not changed or sorted(changed) != sorted(entries):
            problems.append(f"{name}: changed {sorted(changed)} but audited {entries}")
    assert problems == [], "\n".join(problems)


# Every public function that writes, by module; the test below fails when one is added
# without being walked here.
WRITE_FUNCTIONS = {
    "models.orgs.changes": {"create_org", "create_orgs", "update_org", "move_org", "dissolve_org",
                            "redate_dissolution"},
    "models.members.record": {"update_member", "set_photo"},
    "models.members.events": {"create_member", "record_event", "remove_event", "set_letter_number",
                              "correct_event"},
    "models.accounts.users": {"create_user", "update_user", "set_password", "authenticate", "first_start"},
    "models.accounts.office": {"save_office_details", "save_setting"},
    "models.admissions.cases": {"create_case", "update_case"},
    "models.admissions.steps": {"record_step", "correct_step", "fail_probation", "withdraw",
                                "correct_registry_event", "reopen_case"},
    "models.admissions.targets": {"set_target", "remove_target"},
    "models.ratings.grid": {"rate_members", "rate_org", "set_totals"},
    "models.awards.awarding": {"create_award", "update_award", "delete_award", "award_many"},
    "models.awards.badges": {"present_badge", "present_badges", "remove_badge"},
    "models.meetings.record": {"create_meeting", "update_meeting", "delete_meeting", "set_attendance",
                        "add_resolution", "update_resolution", "remove_resolution"},
    "models.meetings.files": {"attach_file", "remove_file"},
    "models.meetings.bulk": {"create_meetings"},
    "models.documents.register": {"register_document", "set_term_start", "save_draft"},
    "models.documents.templates": {"save_template"},
    "models.targets.record": {"create_target", "update_target", "delete_target"},
    "models.residence.contact": {"set_contact", "record_comment", "save_residence"},
    "models.movements.record": {"add_item", "create_movement", "create_social_org", "delete_movement",
                                "register", "remove_item", "unregister", "update_item", "update_movement"},
    "models.workplan.record": {"create_work_item", "update_work_item", "delete_work_item"},
    "models.inspections.cases": {"create_inspection", "update_inspection", "add_subject", "conclude_subject",
                           "remove_subject", "record_discipline"},
    "models.inspections.corrections": {"correct_discipline", "remove_discipline"},
}
READ_ONLY = {"get_org", "org_rows", "children_map", "tree_order", "tree_ranks", "grassroots_of",
             "grassroots_names", "name_chains", "committees_above", "beyond_the_bloc", "issuer_advice",
             "subtree_ids", "current_member_count", "member_counts", "org_warnings", "size_warning",
             "cell_choices", "full_names", "full_name_of", "check_full_date", "scope_ids",
             "check_in_scope", "get_member", "validate", "threshold_of", "place_facts", "joined_words",
             "own_number", "issuer_code", "parse_number", "check_readable", "readable_member",
             "check_party_dates",
             "member_fields", "check_photo", "get_photo", "history", "allowed_kinds", "check_leaving_papers",
             "issued_already", "date_order_warning", "issued_for", "documents_from", "correctable_step",
             "documents_about", "member_documents", "template_for",
             "template_versions", "get_target", "targets_for", "validated", "contact_rows", "get_contact",
             "residence_figures", "comments_of", "members_at", "social_orgs", "entry_rows", "item_rows",
             "movement_rows", "work_items", "due_this_month", "work_figures",
             "get_user", "accounts_kept_here",
             "user_orgs", "user_scopes", "actor_for", "hash_password", "password_matches", "user_rows",
             "office_details", "office_warnings", "dataclass", "asdict", "contextmanager", "fold", "clean",
             "clean_multiline", "name_sort_key", "fmt_date", "parse_date", "add_months", "age_on",
             "check_plausible", "replay", "apply", "require", "may", "values_of", "log_insert",
             "log_update", "log_delete", "record_event", "get_case", "steps_for", "next_step",
             "full_member_date", "write_case", "months_between", "create_member", "admitted_count",
             "progress", "target_rows", "target_lines", "admission_figures", "add_working_days", "field",
             "achievement", "case_rows", "case_fields", "get_inspection", "allowed_forms",
             "inspection_history", "dissolve_org", "decision_particulars", "term_start", "register_rows",
             "load_draft", "rating_year", "check_new_account", "check_dated_after_changes",
             "grid_rows", "year_warnings", "rules_for", "floor", "get_award", "decisions_among",
             "awards_between", "award_counts", "tsvm_campaign", "streak_campaign", "tsvm_proposals",
             "streak_proposals", "badge_list", "awarded_milestones", "badges_presented", "badge_counts",
             "seniority_from", "early_allowance_months", "get_meeting", "require_meeting_rights",
             "next_bch_number", "default_roster", "attendance", "quorum", "meeting_warnings", "resolutions",
             "attachments_folder", "files_of", "verify_file", "file_copy", "roster_at", "ceil", "quorum_of",
             "event_input", "validated_meeting",
             "grassroots_live_on", "org_level", "org_totals", "save_changes"}


def test_every_table_of_the_data_is_audited(db):
    # An attachment's bytes on a server are checked against the sha256 its audited row records.
    assert set(database.get_tables()) - {model._meta.table_name for model in AUDITED} == {
        "audit_entry", "schema_migration", "meeting_file_content", "return_report_content"}


def test_every_public_write_function_is_walked():
    for module in (models.orgs.changes, models.members.record, models.members.events,
                   models.accounts.users, models.accounts.office, models.admissions.cases,
                   models.admissions.steps, models.admissions.targets, models.inspections.cases,
                   models.inspections.corrections,
                   models.documents.register, models.documents.templates, models.ratings.grid,
                   models.awards.awarding, models.awards.badges, models.meetings.record,
                   models.meetings.bulk, models.meetings.files, models.orgs.tree, models.orgs.contents,
                   models.targets.record,
                   models.residence.contact, models.movements.record, models.workplan.record):
        public = {name for name, obj in inspect.getmembers(module, inspect.isfunction)
                  if not name.startswith("_") and obj.__module__ == module.__name__}
        unlisted = public - WRITE_FUNCTIONS.get(module.__name__, set()) - READ_ONLY
        assert unlisted == set(), f"{module.__name__}: {unlisted} — walk it in test_audit.py"


def test_each_write_leaves_one_entry_per_changed_row(bloc_tree):
    tree = bloc_tree
    steps = []

    def step(name, operation):
        changed, entries = audited(operation)
        steps.append((name, changed, entries))

    step("create_org", lambda: create_org(name="Chi bộ Mới", level=v.CBTT, parent_id=tree["base"].id))
    step("create_orgs", lambda: create_orgs([
        {"name": "Chi bộ Phòng Thuế", "level": v.CBTT, "parent_id": tree["base"].id},
        {"name": "Chi bộ Sở Xây dựng", "level": v.CBCS, "parent_id": tree["bloc"].id}]))
    step("update_org", lambda: update_org(tree["cell_b"].id, name="Chi bộ Văn phòng", code="CB"))
    step("update_org unchanged", lambda: update_org(tree["cell_b"].id, name="Chi bộ Văn phòng"))
    other = create_org(name="Đảng bộ Sở Y tế", level=v.DBCS, parent_id=tree["bloc"].id)
    step("move_org", lambda: move_org(tree["cell_b"].id, other.id))
    member_box = {}
    step("create_member", lambda: member_box.update(m=create_member(
        person(), {"kind": v.ADMITTED, "date": date(2010, 3, 1), "org_id": tree["cell_a"].id})))
    member = member_box["m"]
    step("update_member", lambda: update_member(member.id, person(residence="Tổ 2")))
    step("record_event", lambda: record_event(member.id, v.RECOGNISED, date(2011, 3, 2)))
    step("record_event backdated", lambda: record_event(member.id, v.EXEMPTED, date(2011, 3, 2)))
    step("record_event moves", lambda: record_event(member.id, v.MOVED, date(2015, 1, 1),
                                                    org_id=tree["small"].id))
    last = MemberEvent.select().order_by(MemberEvent.id.desc()).first()
    step("correct_event", lambda: correct_event(last.id, date(2015, 2, 1), "3-QĐ/ĐUK"))
    step("correct_event before the one it followed", lambda: correct_event(last.id, date(2011, 1, 1), ""))
    step("remove_event", lambda: remove_event(last.id))
    step("set_photo", lambda: set_photo(member.id, JPEG))
    step("set_photo replace", lambda: set_photo(member.id, JPEG + b"2"))
    step("set_photo remove", lambda: set_photo(member.id, None))
    step("dissolve_org", lambda: dissolve_org(tree["cell_b"].id, date(2024, 1, 1)))
    step("save_office_details", lambda: save_office_details(OfficeDetails(
        "Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Quảng Ninh", "ĐUK", "Hạ Long")))
    step("save_setting", lambda: save_setting("returns_form", '[["ket_nap", "Kết nạp", "so"]]'))
    step("save_setting unchanged", lambda: save_setting("returns_form", '[["ket_nap", "Kết nạp", "so"]]'))
    user_box = {}
    step("create_user", lambda: user_box.update(u=create_user(
        "quantri", "Quản Trị", ADMIN, PASSWORD)))
    session.set_current(authenticate("quantri", PASSWORD))
    step("create_user limited", lambda: user_box.update(c=create_user(
        "coso", "Cơ Sở", CLERK, PASSWORD, org_ids=[tree["base"].id])))
    step("update_user", lambda: update_user(user_box["c"].id, "Cơ Sở", CLERK, True,
                                            org_ids=[tree["small"].id]))
    step("set_password", lambda: set_password(user_box["c"].id, "mat-khau-moi-12"))
    step("authenticate wrong", lambda: pytest.raises(ValidationError, authenticate, "coso", "sai"))
    step("authenticate right", lambda: authenticate("coso", "mat-khau-moi-12"))

    problems = []
    for name, changed, entries in steps:
        if sorted(changed) != sorted(entries):
            problems.append(f"{name}: changed {sorted(changed)} but audited {entries}")
    assert problems == [], "\n".join(problems)
    idle = [name for name, changed, _ in steps if not changed]
    assert idle == ["update_org unchanged", "save_setting unchanged"]
    assert verify_chain().intact


def test_entries_say_who_and_what_and_hide_passwords(db):
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    entry = AuditEntry.select().where(AuditEntry.table_name == "app_user").get()
    assert entry.username == session.LOCAL_ADMIN.username and entry.action == "insert"
    assert json.loads(entry.new_values)["password_hash"].startswith("***")
    assert PASSWORD not in entry.new_values
    session.set_current(authenticate("quantri", PASSWORD))
    org = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    update_org(org.id, name="Đảng bộ Khối Cơ quan tỉnh")
    change = AuditEntry.select().order_by(AuditEntry.id.desc()).get()
    assert (change.username, change.action, change.record_id) == ("quantri", "update", str(org.id))
    assert json.loads(change.old_values)["name"] == "Đảng bộ Khối các cơ quan tỉnh"
    assert json.loads(change.new_values)["name"] == "Đảng bộ Khối Cơ quan tỉnh"


def test_refused_write_leaves_neither_change_nor_entry(make_member):
    member = make_member()
    count = AuditEntry.select().count()
    with pytest.raises(ValidationError):
        record_event(member.id, v.RECOGNISED, date(2010, 6, 1))  # before 12 months
    assert AuditEntry.select().count() == count


def test_tampering_is_detected(make_member):
    member = make_member()
    record_event(member.id, v.RECOGNISED, date(2011, 3, 2))
    assert verify_chain().intact
    target = AuditEntry.select().where(AuditEntry.table_name == "member_event").first()
    # Someone edits the trail with an SQLite tool, outside the app:
    AuditEntry.update(new_values='{"kind": "DECEASED"}').where(AuditEntry.id == target.id).execute()
    check = verify_chain()
    assert not check.intact and check.first_broken_id == target.id


def test_deleted_entry_breaks_the_chain(make_member):
    make_member()
    middle = AuditEntry.select().order_by(AuditEntry.id).offset(1).first()
    with database.atomic():
        AuditEntry.delete().where(AuditEntry.id == middle.id).execute()
    assert not verify_chain().intact


def recorded(table: str) -> list[str]:
    """Every record the trail holds an insert of (a batch's rows each), in the trail's order."""
    return [record for e in AuditEntry.select().where((AuditEntry.table_name == table)
                                                      & AuditEntry.action.in_(["insert", "insert_many"]))
            .order_by(AuditEntry.id) for record in records_of(e.action, e.record_id, e.new_values)]


def test_demo_data_is_audited_row_by_row(demo_clock, db):
    from models.demo.build import DemoSize, build_demo

    build_demo(DemoSize(orgs=3, members=40, seed=2))
    assert sorted(recorded("member"), key=int) == [str(m.id) for m in Member.select().order_by(Member.id)]
    assert sorted(recorded("member_event"), key=int) == \
        [str(e.id) for e in MemberEvent.select().order_by(MemberEvent.id)]
    assert verify_chain().intact


def test_first_start_leaves_one_entry_per_changed_row(db):
    from models.accounts.users import first_start

    changed, entries = audited(lambda: first_start(OfficeDetails(
        "Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh", "ĐUK", "Hạ Long"), "quantri", "Quản Trị",
        PASSWORD))
    assert sorted(changed) == sorted(entries) and len(entries) == 8  # 7 details + 1 account
