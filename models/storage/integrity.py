"""What `main.py check` looks for beyond SQLite's own checks: records that the program would
never have written — members counted without an organisation, histories the status machine
refuses or that disagree with the member's stored state, reported rating totals that do not
add up — and the audit trail's hash chain."""

from dataclasses import dataclass
from pathlib import Path

from models.accounts.audit import verify_chain
from models.accounts.tables import AuditEntry
from models.core import vocab as v
from models.core.db import close_database, database, open_read_only
from models.core.errors import ValidationError
from models.members.events import event_input
from models.members.lifecycle import replay
from models.members.tables import Member, MemberEvent
from models.migrations import available
from models.orgs.tables import PartyOrg
from models.ratings.tables import RatingTotals
from models.storage.backups import inspect_file

LIMIT = 20  # problems of one kind listed before "và N trường hợp khác"


def _listed(problems: list[str], label: str) -> list[str]:
    if len(problems) <= LIMIT:
        return problems
    return problems[:LIMIT] + [f"… và {len(problems) - LIMIT} {label} khác."]


def database_problems() -> list[str]:
    problems = []
    verdict = database.pragma("integrity_check")
    if verdict != "ok":
        problems.append(f"SQLite báo tệp dữ liệu hỏng: {verdict}.")
    broken_in = database.pragma("foreign_key_check")  # the first table with a broken link, if any
    if broken_in:
        problems.append(f"Bảng {broken_in} có bản ghi trỏ tới bản ghi không còn.")
    return problems


def member_problems() -> list[str]:
    problems = []
    orphans = (Member.select(Member.full_name)
               .where(Member.status.in_(v.COUNTED) & Member.org.is_null()))
    problems += [f"{m.full_name}: đang trong danh sách nhưng không thuộc tổ chức nào." for m in orphans]
    histories: dict[int, list] = {}
    for event in MemberEvent.select().order_by(MemberEvent.member, MemberEvent.date, MemberEvent.position):
        histories.setdefault(event.member_id, []).append(event)
    members = {m.id: m for m in Member.select(Member.id, Member.full_name, Member.status, Member.org,
                                              Member.membership)}
    history_problems = []
    for member_id, events in histories.items():
        member = members[member_id]
        try:
            states = replay([event_input(e) for e in events])
        except ValidationError as error:
            history_problems.append(f"{member.full_name}: quá trình biến động không hợp lệ — {error.message}")
            continue
        final = states[-1][1]
        stored = (member.status, member.org_id, member.membership)
        if (final.status, final.org_id, final.membership) != stored:
            history_problems.append(f"{member.full_name}: trạng thái lưu trong hồ sơ khác với quá trình biến "
                                    "động.")
    return _listed(problems, "đảng viên") + _listed(history_problems, "hồ sơ")


def rating_problems() -> list[str]:
    names = dict(PartyOrg.select(PartyOrg.id, PartyOrg.name).tuples())
    problems = []
    for t in RatingTotals.select().order_by(RatingTotals.year):
        levels = t.excellent + t.good + t.adequate + t.failed
        if levels != t.rated:
            problems.append(f"Năm {t.year}, {names[t.org_id]}: các mức cộng lại {levels}, khác số được đánh "
                            f"giá {t.rated}.")
        if t.rated + t.not_rated != t.total_members:
            problems.append(f"Năm {t.year}, {names[t.org_id]}: được đánh giá {t.rated} + chưa đánh giá "
                            f"{t.not_rated} khác tổng số {t.total_members}.")
    return _listed(problems, "trường hợp")


def audit_problems() -> list[str]:
    result = verify_chain()
    if result.intact:
        return []
    return [f"Nhật ký thay đổi đã bị sửa ngoài phần mềm, từ mục số {result.first_broken_id}."]


def all_problems() -> list[str]:
    return database_problems() + member_problems() + rating_problems() + audit_problems()


@dataclass(frozen=True)
class FileReport:
    problems: list[str]
    notes: list[str]


def check_file(db_path: Path) -> FileReport:
    """Every check on a file opened read-only: nothing in it changes, not even its journal mode
    or its schema. A file of an older schema gets the checks its tables allow."""
    found = inspect_file(db_path, thorough=True)
    if not found.ok:
        return FileReport([found.problem], [])
    if found.empty:
        return FileReport([], ["Tệp trống: chưa có dữ liệu."])
    open_read_only(db_path)
    try:
        if not found.older:
            return FileReport(all_problems(), [])
        missing = sorted(set(available()) - found.applied)
        notes = [f"Tệp có cấu trúc cũ (thiếu {', '.join(missing)}): chỉ kiểm tra tệp và nhật ký thay đổi; "
                 "mở tệp bằng chương trình để cập nhật cấu trúc rồi kiểm tra lại."]
        audit = audit_problems() if AuditEntry._meta.table_name in database.get_tables() else []
        return FileReport(database_problems() + audit, notes)
    finally:
        close_database()
