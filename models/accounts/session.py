"""Who is acting, and what their role allows. Enforced here, in models/, so a refused write
is refused whatever the caller (window, CLI, test) — hiding a button is only a courtesy.

While the database has no user account yet (a new office file, or a command-line run on
it), the person at the machine acts as the local administrator; once an account exists,
every write needs a signed-in user.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from models.accounts.tables import AppUser, AuditEntry
from models.core.codes import Codes
from models.core.errors import Forbidden

ADMIN, CLERK, VIEWER = "ADMIN", "CLERK", "VIEWER"
ROLES = Codes({ADMIN: "Quản trị", CLERK: "Cán bộ nghiệp vụ", VIEWER: "Chỉ xem"})

READ_RECORDS = "read_records"  # take records out of the program: export, backup, print
WRITE_RECORDS = "write_records"
MANAGE_USERS = "manage_users"
CHANGE_SETTINGS = "change_settings"
RESTORE = "restore"
VIEW_PERSONAL = "view_personal"
ISSUE_DOCUMENTS = "issue_documents"
VIEW_AUDIT = "view_audit"
BACKUP = "backup"  # a copy of everything, every organisation's members with their addresses

GRANTS = {
    ADMIN: {READ_RECORDS, WRITE_RECORDS, MANAGE_USERS, CHANGE_SETTINGS, RESTORE, VIEW_PERSONAL,
            ISSUE_DOCUMENTS, VIEW_AUDIT, BACKUP},
    CLERK: {READ_RECORDS, WRITE_RECORDS, VIEW_PERSONAL, ISSUE_DOCUMENTS},
    VIEWER: {READ_RECORDS},
}
REFUSALS = {
    READ_RECORDS: "Tài khoản “{user}” không được lấy hồ sơ ra khỏi chương trình.",
    WRITE_RECORDS: "Tài khoản “{user}” ({role}) chỉ được xem, không được thay đổi hồ sơ.",
    MANAGE_USERS: "Chỉ quản trị viên được quản lý tài khoản người dùng.",
    CHANGE_SETTINGS: "Chỉ quản trị viên được thay đổi thông tin của cơ quan.",
    RESTORE: "Chỉ quản trị viên được khôi phục dữ liệu.",
    VIEW_PERSONAL: "Tài khoản “{user}” không được xem số định danh và địa chỉ của đảng viên.",
    ISSUE_DOCUMENTS: "Tài khoản “{user}” ({role}) không được ban hành văn bản.",
    VIEW_AUDIT: "Chỉ quản trị viên được xem nhật ký thay đổi.",
    BACKUP: ("Chỉ quản trị viên được sao lưu: bản sao lưu chứa hồ sơ của mọi tổ chức, cả địa chỉ của đảng "
             "viên."),
}


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    full_name: str
    role: str
    # Grassroots organisations the user is limited to; None means the whole bloc.
    org_ids: frozenset[int] | None = None

    def may(self, permission: str) -> bool:
        return permission in GRANTS[self.role]


LOCAL_ADMIN = Actor(None, "may-tai-cho", "Quản trị tại máy (chưa có tài khoản)", ADMIN)
_signed_in: Actor | None = None


# Whether the office has (had) accounts, learnt once per database connection: it is asked on
# every write, and two queries each time cost a demo build or a large import a third of its time.
_accounts_known: dict[int, tuple[object, bool]] = {}


def any_user_exists() -> bool:
    """Whether the office has accounts — or had them: a file whose trail records an account
    but holds none had them deleted behind the program's back, and never falls back to the
    local administrator."""
    connection = AppUser._meta.database.connection()
    known = _accounts_known.get(id(connection))
    if known is not None and known[0] is connection:
        return known[1]
    exists = AppUser.select().exists() or _trail_holds_accounts() or not _trail_is_ours()
    _accounts_known[id(connection)] = (connection, exists)
    return exists


def _no_trail_check() -> bool:
    return True


# Set by accounts.audit (which reads this module): whether the whole trail was written by this
# workstation's local administrator and still verifies under its key. Reported: accounts deleted
# and their entries relabelled to another table and key let anyone act as the local administrator.
_trail_is_ours = _no_trail_check


def set_trail_check(check) -> None:
    global _trail_is_ours
    _trail_is_ours = check


def accounts_changed() -> None:
    """An account was created here: ask the file again."""
    _accounts_known.clear()


def _trail_holds_accounts() -> bool:
    return AuditEntry.select().where(AuditEntry.table_name == AppUser._meta.table_name).exists()


def accounts_deleted() -> bool:
    """The trail records accounts, the file holds none: they were deleted outside the program."""
    return not AppUser.select().exists() and _trail_holds_accounts()


def lockout_reason() -> str | None:
    """Why nobody can act on a database that holds no account, or None. Such a file falls back
    to the local administrator only when its whole trail was written here by nobody signed in;
    otherwise the sign-in asked for an account that does not exist, and said no more."""
    if AppUser.select().exists() or not any_user_exists():
        return None
    if _trail_holds_accounts():
        return ("Các tài khoản người dùng của dữ liệu này đã bị xóa ngoài phần mềm (nhật ký thay đổi vẫn ghi "
                "các tài khoản đó), nên không ai đăng nhập được. Hãy thay tệp bằng bản sao lưu gần nhất còn "
                "tốt, rồi xem lại bằng lệnh check.")
    return ("Dữ liệu này chưa có tài khoản người dùng nào, nhưng nhật ký thay đổi của nó không do chính máy "
            "này ghi từ đầu: tệp được tạo hoặc ghi trên một máy khác (hay đã bị sửa ngoài phần mềm). Vì an "
            "toàn, máy này không được quyền quản trị tại máy trên tệp đó. Hãy mở tệp trên máy đã tạo ra nó, "
            "tạo tài khoản quản trị ở đó (trang Người dùng, hoặc lệnh user add), rồi chép tệp sang đây và "
            "đăng nhập bằng tài khoản đó.")


def current() -> Actor | None:
    """The signed-in user; the local administrator while the office never had an account;
    else None."""
    if _signed_in is not None:
        return _signed_in
    return None if any_user_exists() else LOCAL_ADMIN


def set_current(actor: Actor | None) -> None:
    global _signed_in
    _signed_in = actor


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    previous = _signed_in
    set_current(actor)
    try:
        yield actor
    finally:
        set_current(previous)


def require(permission: str) -> Actor:
    actor = current()
    if actor is None:
        raise Forbidden("Chưa đăng nhập: hãy đăng nhập để làm việc này.")
    if not actor.may(permission):
        raise Forbidden(REFUSALS[permission].format(user=actor.username, role=ROLES[actor.role]))
    return actor


def require_whole_bloc(permission: str, what: str, doing: str = "nhập") -> Actor:
    """The bloc's own records (its targets, programme, documents): not for an account limited
    to some organisations."""
    actor = require(permission)
    if actor.org_ids is not None:
        raise Forbidden(f"{what} chỉ do người dùng không bị giới hạn tổ chức {doing}.")
    return actor


def require_bloc_reader(what: str) -> Actor:
    """A document of the bloc, counted over the whole bloc (its reports, letters, proposals): an
    account limited to some organisations would print it with their figures alone under the
    standing committee's name (found: a year-end report whose returns read "3/3 báo cáo" and
    whose dues were one đảng bộ's, beside the bloc's headcount)."""
    return require_whole_bloc(READ_RECORDS, what, "in")


def whole_bloc() -> bool:
    """Whether the signed-in account works on the whole bloc (not limited to organisations)."""
    actor = current()
    return actor is not None and actor.org_ids is None


def may(permission: str) -> bool:
    actor = current()
    return actor is not None and actor.may(permission)
