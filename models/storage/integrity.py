"""What `main.py check` looks for beyond SQLite's own checks: records that the program would
never have written — members counted without an organisation, histories the status machine
refuses or that disagree with the member's stored state, reported rating totals that do not
add up — and the audit trail's hash chain."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import fn

from models.accounts.anchor import (
    Anchor,
    anchor_of,
    database_identity,
    manifest_of,
    reaches,
    same_database,
    signed_here_throughout,
)
from models.accounts.audit import ChainCheck, verify_chain
from models.accounts.session import accounts_deleted
from models.accounts.tables import AuditEntry
from models.accounts.workstations import registered_keys
from models.awards.awarding import issuer_advice
from models.awards.tables import Award
from models.core import vocab as v
from models.core.db import close_database, database, open_read_only
from models.core.errors import ValidationError
from models.core.where import Server
from models.members.lifecycle import EventInput, replay
from models.members.tables import Member, MemberEvent
from models.migrations import applied, available, newer_schema
from models.orgs.tables import PartyOrg
from models.ratings.tables import RatingTotals
from models.storage.attachments_check import attachment_findings
from models.storage.backups import FileCheck, inspect_file
from models.storage.trail_replay import trail_problems
from models.storage.upgrade_rehearsal import upgrade_refused

LIMIT = 20  # problems of one kind listed before "và N trường hợp khác"


def _listed(problems: list[str], label: str) -> list[str]:
    if len(problems) <= LIMIT:
        return problems
    return problems[:LIMIT] + [f"… và {len(problems) - LIMIT} {label} khác."]


def database_problems(integrity: bool = True) -> list[str]:
    """The engine's own checks: a file's pages and links (its integrity check unless done
    already: `integrity=False`); a server's are its own business."""
    return database.page_problems(integrity)


def member_problems() -> list[str]:
    problems = []
    orphans = (Member.select(Member.full_name)
               .where(Member.status.in_(v.COUNTED) & Member.org.is_null()))
    problems += [f"{m.full_name}: đang trong danh sách nhưng không thuộc tổ chức nào." for m in orphans]
    # Each history as plain inputs: a model per event was most of this check's 7 s at 100,000.
    histories: dict[int, list[EventInput]] = {}
    events = (MemberEvent.select(MemberEvent.member, MemberEvent.kind, MemberEvent.date, MemberEvent.org,
                                 MemberEvent.membership)
              .order_by(MemberEvent.member, MemberEvent.date, MemberEvent.position).tuples())
    for member_id, kind, day, org_id, membership in events.iterator():
        histories.setdefault(member_id, []).append(EventInput(kind, day, org_id, membership))
    members = {m.id: m for m in Member.select(Member.id, Member.full_name, Member.status, Member.org,
                                              Member.membership)}
    history_problems = []
    for member_id, inputs in histories.items():
        member = members[member_id]
        try:
            states = replay(inputs)
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


def award_notes() -> list[str]:
    """Awards an earlier version stored with the bloc giving a flag or Bằng khen: not tampering
    (the form refuses them only since), but the reports would print them as the bloc's."""
    counted = (Award.select(Award.issuer, Award.form, fn.COUNT(Award.id))
               .group_by(Award.issuer, Award.form).tuples())
    advice = issuer_advice(counted)
    return [advice] if advice else []


def audit_problems(anchor: Anchor | None = None, result: ChainCheck | None = None) -> list[str]:
    """The chain's links and signatures (`result`: verify_chain's, if made already), and whether
    it still reaches its anchor outside the file."""
    result = result or verify_chain(anchor.signed_from if anchor else None)
    problems = ([result.key_missing] if result.key_missing else []) + _signers(result)[0]
    if result.first_broken_id is not None:
        problems.append(f"Nhật ký thay đổi đã bị sửa ngoài phần mềm, từ mục số {result.first_broken_id}.")
    if result.unsigned_after is not None:
        problems.append(f"Mục số {result.unsigned_after} của nhật ký thay đổi không có chữ ký, dù từ mục số "
                        f"{anchor.signed_from} mọi mục đều được ký: nhật ký đã bị viết lại ngoài phần mềm.")
    if anchor is not None and not reaches(anchor):
        entries = f"{anchor.entries:,}".replace(",", ".")
        # A fork — two copies of one database both written here — cannot be told from an end cut
        # and continued: both are said, with what to do if it is the first.
        problems.append(f"Nhật ký thay đổi không còn tới mốc ghi ngoài tệp lúc {anchor.at} ({entries} mục, "
                        f"mục cuối số {anchor.head_id}): các mục cuối đã bị xóa hoặc viết lại ngoài "
                        "phần mềm — hoặc đây là một bản chép của cùng dữ liệu được ghi song song với bản "
                        "khác trên máy này (ví dụ bản để tập huấn). Chỉ làm việc tiếp trên một bản; bản "
                        "tập huấn thì tạo bằng lệnh demo.")
    return problems


def _signers(result: ChainCheck) -> tuple[list[str], list[str]]:
    """Entries signed with other keys: a problem unless the key is in the register as this
    workstation trusts it (reported: an edited entry given any other key id passed `check`)."""
    register = registered_keys() if result.signers else {}
    problems, notes = [], []
    for key_id, (entries, first) in sorted(result.signers.items(), key=lambda item: item[1][1]):
        count = f"{entries:,}".replace(",", ".")
        known = register.get(key_id)
        if known is not None and known.trusted:
            notes.append(f"{count} mục nhật ký (từ mục số {first}) được ký bằng khóa của máy trạm "
                         f"“{known.name}” (mã {key_id}) đã đăng ký: máy đó kiểm tra được chữ ký của "
                         "chúng, máy này thì không.")
        else:
            problems.append(f"{count} mục nhật ký (từ mục số {first}) được ký bằng khóa mã {key_id}, không "
                            "có trong sổ máy trạm mà máy này đã đăng ký: không xác nhận được, có thể đã bị "
                            "sửa ngoài phần mềm. Nếu đó là một máy trạm của cơ quan, quản trị viên đăng ký "
                            f"nó trên máy này: main.py workstation register {key_id} --name \"…\" "
                            "--user <quản trị>.")
    return problems, notes


def audit_notes(result: ChainCheck) -> list[str]:
    return _signers(result)[1]


def accounts_problems() -> list[str]:
    if accounts_deleted():
        return ["Các tài khoản người dùng đã bị xóa ngoài phần mềm (nhật ký có tài khoản, tệp không còn): "
                "không ai đăng nhập được; hãy khôi phục từ bản sao lưu."]
    return []


def all_problems(anchor: Anchor | None = None, chain: ChainCheck | None = None,
                 integrity_checked: bool = False, step: Callable[[str], None] | None = None) -> list[str]:
    """`step(what)` hears of the long parts as they begin (at 100,000 members the records take
    3 s and their replay against the trail 13 s)."""
    step = step or (lambda _what: None)
    found = database_problems(not integrity_checked)
    step("hồ sơ đảng viên, xếp loại, tài khoản")
    found += member_problems() + rating_problems() + audit_problems(anchor, chain) + accounts_problems()
    step("dữ liệu so với nhật ký thay đổi")
    return found + trail_problems()


# The parts check_file names as they begin: the file, the trail's chain, the records, the replay.
CHECK_PARTS = 4


@dataclass(frozen=True)
class FileReport:
    problems: list[str]
    notes: list[str]


def check_file(db_path: Path, step: Callable[[str], None] | None = None) -> FileReport:
    """Every check on a file opened read-only: nothing in it changes, not even its journal mode
    or its schema. A file of an older schema gets the checks its tables allow. The trail is held
    against the anchor this workstation wrote for the file, or the manifest beside a backup.
    `step(what)` hears of each long part as it begins: at 100,000 members the whole takes 22 s."""
    step = step or (lambda _what: None)
    step("tệp dữ liệu")
    found = _look_at_server(db_path) if isinstance(db_path, Server) else inspect_file(db_path, thorough=True)
    if not found.ok:
        return FileReport([found.problem], [])
    if found.empty:
        return FileReport([], ["Tệp trống: chưa có dữ liệu."])
    open_read_only(db_path)
    try:
        with database.snapshot():  # one moment of a database others may be writing to
            has_trail = AuditEntry._meta.table_name in database.get_tables()
            identity = database_identity() if has_trail else None
            if isinstance(db_path, Server):  # the live database, however its address is spelt
                anchor, notes = anchor_of(db_path, identity), []
            else:  # a backup by the seal made with it; a file by its path, or as a copy of one
                anchor, notes = manifest_of(db_path) or anchor_of(db_path), []
                if anchor is None and identity:
                    anchor, notes = _as_a_copy(anchor_of(db_path, identity))
            if anchor is None and not notes:
                notes = ["Chưa có mốc nhật ký ghi ngoài tệp cho tệp này trên máy này: không kiểm tra được "
                         "các mục cuối có bị cắt bỏ hay không."]
            return _checked(db_path, found, anchor, notes, step)
    finally:
        close_database()


def _as_a_copy(anchor: Anchor | None) -> tuple[Anchor | None, list[str]]:
    """A file elsewhere whose first entry is a database's this workstation anchored: a copy of
    it, or the file moved. Its trail must agree with the anchor as far as it goes; one that stops
    before the anchored end is a copy made earlier — or one whose last entries were cut, which
    the trail alone cannot tell apart (its rows are still held against what remains)."""
    if anchor is None:
        return None, []
    last = AuditEntry.select(fn.MAX(AuditEntry.id)).scalar() or 0
    if last >= anchor.head_id:
        return anchor, []
    return None, [f"Tệp này là một bản của tệp dữ liệu có mốc nhật ký ghi ngoài tệp lúc {anchor.at}; nhật "
                  f"ký của nó dừng ở mục số {last}, trước mốc (mục số {anchor.head_id}): một bản chép cũ "
                  "hơn, hoặc các mục cuối đã bị cắt — không phân biệt được."]


def _checked(db_path, found: FileCheck, anchor: Anchor | None, notes: list[str],
             step: Callable[[str], None]) -> FileReport:
    if anchor is not None and not same_database(anchor):
        if not signed_here_throughout():
            return FileReport([f"Tệp ở chỗ này không phải tệp đã ghi mốc nhật ký lúc {anchor.at}, "
                               "và nhật ký của nó không do máy này ký từ đầu: tệp có thể đã bị thay bằng "
                               "một tệp khác ngoài phần mềm."], notes)
        notes.append(f"Mốc nhật ký ghi ngoài tệp lúc {anchor.at} là của một tệp dữ liệu khác từng ở chỗ "
                     "này: không dùng để kiểm tra tệp hiện nay.")
        anchor = None
    if not found.older:
        # inspect_file(thorough=True) ran SQLite's integrity check already: 2.5 s at 30,000
        # members, as long as the chain's, which is walked once for problems and notes.
        step("chuỗi nhật ký thay đổi")
        chain = verify_chain(anchor.signed_from if anchor else None)
        attached, attached_notes = attachment_findings()
        return FileReport(all_problems(anchor, chain, integrity_checked=True, step=step) + attached,
                          notes + audit_notes(chain) + attached_notes + award_notes())
    missing = sorted(set(available()) - found.applied)
    notes.append(f"Tệp có cấu trúc cũ (thiếu {', '.join(missing)}): dữ liệu chỉ được đối chiếu với nhật ký "
                 "thay đổi ở những bảng, cột đã có; mở tệp bằng chương trình để cập nhật cấu trúc rồi kiểm "
                 "tra lại.")
    audit = []
    refused = None if isinstance(db_path, Server) else upgrade_refused()
    if refused:
        audit.append(refused)
    if AuditEntry._meta.table_name in database.get_tables():
        audit += audit_problems(anchor) + trail_problems(older_schema=True)
    attached, attached_notes = attachment_findings()
    return FileReport(database_problems(integrity=False) + audit + attached, notes + attached_notes)


def _look_at_server(server: Server) -> FileCheck:
    """What inspect_file says of a file, said of a server's database: reachable, ours, known."""
    try:
        open_read_only(server)
    except ValidationError as error:
        return FileCheck(error.message)
    try:
        if "schema_migration" not in database.get_tables():
            return FileCheck(empty=True)
        done = applied(database)
    finally:
        close_database()
    return FileCheck(newer_schema(done, f"Cơ sở dữ liệu {server.name}"), done)
