"""A discipline decision typed wrong is put right, or taken back when it was recorded against the
wrong person or organisation: before, the record stood as typed for ever. Expulsion and
dissolution carry their change to the registry and the tree in the same transaction."""

from datetime import date

import pytest

from models.accounts import session
from models.accounts.audit import verify_chain
from models.accounts.session import ADMIN, CLERK, VIEWER
from models.accounts.tables import AuditEntry
from models.accounts.users import authenticate, create_user
from models.core import vocab as v
from models.core.errors import Forbidden, NotFound, ValidationError
from models.documents import discipline_paper
from models.inspections.cases import record_discipline
from models.inspections.corrections import correct_discipline, remove_discipline
from models.inspections.tables import Discipline
from models.members.events import record_event
from models.members.record import get_member
from models.members.tables import MemberEvent
from models.orgs.changes import create_org
from models.orgs.tree import get_org

PASSWORD = "mat-khau-du-dai"


def _reprimand(member):
    return record_discipline("DANG_VIEN", "KHIEN_TRACH", "Ủy ban Kiểm tra Đảng ủy Khối", "7-QĐ/UBKT",
                             date(2024, 5, 2), None, member_id=member.id, note="Vi phạm quy chế")


def test_a_number_and_a_day_typed_wrong_are_corrected_and_audited(bloc_tree, make_member):
    entry = _reprimand(make_member())
    corrected = correct_discipline(entry.id, {"deciding_body": "Ủy ban Kiểm tra Đảng ủy Khối",
                                              "decision_no": "17-QĐ/UBKT", "decision_date": date(2024, 5, 12),
                                              "effective_date": None, "note": "Vi phạm quy chế làm việc"})
    stored = Discipline.get_by_id(entry.id)
    assert (stored.decision_no, stored.decision_date, stored.effective_date, stored.note) == (
        "17-QĐ/UBKT", date(2024, 5, 12), date(2024, 5, 12), "Vi phạm quy chế làm việc")
    assert corrected.form == "KHIEN_TRACH" and corrected.member_id == entry.member_id
    update = AuditEntry.get((AuditEntry.table_name == "discipline") & (AuditEntry.action == "update"))
    assert "17-QĐ/UBKT" in update.new_values and "7-QĐ/UBKT" in update.old_values
    assert verify_chain().intact
    paper = discipline_paper(entry.id)
    assert paper.typed_numbers == ("17-QĐ/UBKT",)


def test_bad_corrections_are_refused_and_nothing_changes(bloc_tree, make_member):
    entry = _reprimand(make_member())
    good = {"deciding_body": "UBKT", "decision_no": "7-QĐ/UBKT", "decision_date": date(2024, 5, 2),
            "effective_date": None, "note": ""}
    cases = [({"decision_no": "  "}, "decision_no"), ({"decision_date": None}, "decision_date"),
             ({"deciding_body": ""}, "deciding_body"),
             ({"effective_date": date(2024, 5, 1)}, "effective_date"),
             ({"decision_date": date(1899, 12, 31)}, "decision_date"),
             ({"decision_date": "02/05/2024"}, "decision_date")]
    for change, field in cases:
        with pytest.raises(ValidationError) as raised:
            correct_discipline(entry.id, {**good, **change})
        assert raised.value.field == field
    with pytest.raises(NotFound):
        correct_discipline(entry.id + 100, good)
    with pytest.raises(NotFound):
        remove_discipline("1; drop table discipline")
    stored = Discipline.get_by_id(entry.id)
    assert (stored.decision_no, stored.deciding_body) == ("7-QĐ/UBKT", "Ủy ban Kiểm tra Đảng ủy Khối")


def test_an_expulsion_corrected_moves_the_members_event(bloc_tree, make_member):
    member = make_member(admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 5))
    entry = record_discipline("DANG_VIEN", "KHAI_TRU", "BTV Đảng ủy Khối", "45-QĐ/ĐUK", date(2024, 9, 10),
                              date(2024, 9, 12), member_id=member.id)
    correct_discipline(entry.id, {"deciding_body": "BTV Đảng ủy Khối", "decision_no": "54-QĐ/ĐUK",
                                  "decision_date": date(2024, 9, 1), "effective_date": date(2024, 9, 3)})
    (event,) = MemberEvent.select().where((MemberEvent.member == member.id)
                                          & (MemberEvent.kind == v.EXPELLED_EVENT))
    assert (event.date, event.decision_no) == (date(2024, 9, 3), "54-QĐ/ĐUK")
    assert get_member(member.id).status == v.EXPELLED


def test_an_expulsion_taken_back_puts_the_member_back_on_the_list(bloc_tree, make_member):
    member = make_member(admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 5))
    entry = record_discipline("DANG_VIEN", "KHAI_TRU", "BTV Đảng ủy Khối", "45-QĐ/ĐUK", date(2024, 9, 10),
                              None, member_id=member.id)
    remove_discipline(entry.id)
    assert Discipline.select().count() == 0
    stored = get_member(member.id)
    assert stored.status in v.COUNTED and stored.org_id == bloc_tree["cell_a"].id
    assert not MemberEvent.select().where(MemberEvent.kind == v.EXPELLED_EVENT).exists()
    assert AuditEntry.get_or_none((AuditEntry.table_name == "discipline") & (AuditEntry.action == "delete"))
    assert verify_chain().intact


def test_a_dissolution_corrected_or_taken_back_changes_the_tree(bloc_tree):
    empty = create_org(name="Chi bộ Trống", level=v.CBCS, parent_id=bloc_tree["bloc"].id)
    entry = record_discipline("TO_CHUC", "GIAI_TAN", "BTV Đảng ủy Khối", "3-QĐ/ĐUK", date(2024, 8, 1), None,
                              org_id=empty.id)
    correct_discipline(entry.id, {"deciding_body": "BTV Đảng ủy Khối", "decision_no": "3-QĐ/ĐUK",
                                  "decision_date": date(2024, 8, 1), "effective_date": date(2024, 8, 15)})
    assert get_org(empty.id).dissolved_on == date(2024, 8, 15)
    remove_discipline(entry.id)
    assert get_org(empty.id).dissolved_on is None


def test_a_dissolution_cannot_be_moved_before_what_happened_in_the_organisation(bloc_tree, make_member):
    cell = create_org(name="Chi bộ Sắp giải tán", level=v.CBCS, parent_id=bloc_tree["bloc"].id)
    member = make_member(org=cell, admitted=date(2015, 1, 5))
    record_event(member.id, v.TRANSFER_OUT, date(2024, 7, 20), decision_no="5-GGT/ĐUK", place="Tỉnh khác")
    entry = record_discipline("TO_CHUC", "GIAI_TAN", "BTV Đảng ủy Khối", "3-QĐ/ĐUK", date(2024, 8, 1), None,
                              org_id=cell.id)
    with pytest.raises(ValidationError) as raised:
        correct_discipline(entry.id, {"deciding_body": "BTV Đảng ủy Khối", "decision_no": "3-QĐ/ĐUK",
                                      "decision_date": date(2024, 7, 1), "effective_date": None})
    assert raised.value.field == "effective_date" and "20/07/2024" in raised.value.message
    assert get_org(cell.id).dissolved_on == date(2024, 8, 1)
    assert Discipline.get_by_id(entry.id).decision_date == date(2024, 8, 1)


def test_only_a_clerk_of_the_organisation_corrects_or_takes_back(bloc_tree, make_member):
    entry = _reprimand(make_member(org=bloc_tree["small"]))
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("xem", "Người Xem", VIEWER, PASSWORD)
        create_user("coso", "Cán Bộ Cơ Sở", CLERK, PASSWORD, org_ids=[bloc_tree["base"].id])
    same = {"deciding_body": "UBKT", "decision_no": "8-QĐ/UBKT", "decision_date": date(2024, 5, 2),
            "effective_date": None}
    for account in ("xem", "coso"):
        with session.acting_as(authenticate(account, PASSWORD)):
            with pytest.raises(Forbidden):
                correct_discipline(entry.id, same)
            with pytest.raises(Forbidden):
                remove_discipline(entry.id)
    assert Discipline.get_by_id(entry.id).decision_no == "7-QĐ/UBKT"
