"""User accounts: passwords (salted scrypt), sign-in with lock-out, roles, organisation
limits. Passwords are never stored, logged or audited in clear."""

import base64
import hashlib
import hmac
import os
import re
from datetime import datetime, timedelta

from models.accounts import session
from models.accounts.audit import log_delete, log_insert, log_update, values_of
from models.accounts.office import save_office_details
from models.accounts.session import ADMIN, MANAGE_USERS, ROLES, Actor
from models.accounts.tables import AppUser, UserOrg
from models.core import clock
from models.core.checks import stored_record
from models.core.db import database
from models.core.errors import ValidationError
from models.core.server_rights import may_change
from models.core.text import clean
from models.orgs.tables import PartyOrg

# OWASP lists five scrypt settings as resisting alike (N=2^17 p=1, 2^16 p=2, 2^15 p=3, 2^14 p=5,
# 2^13 p=10, all r=8): a smaller memory is made up by more rounds. N=2^15 with three rounds
# takes 32 MiB per sign-in — light on a 4 GB office PC (reported: every command with --user
# peaked at 233 MB at 128 MiB) — and about 0.2 s, so that signing in and seeing the home page
# stays within 300 ms. Below 2^15 a GPU's memory stops being the attacker's limit.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 3
SCRYPT_MAXMEM = 256 * 1024 * 1024
MAX_ATTEMPTS = 5
# What a sign-in writes: on a server the only account columns a workstation may (server_rights).
SIGN_IN_FIELDS = [AppUser.failed_attempts, AppUser.locked_until]
LOCK_MINUTES = 15
PASSWORD_MIN = 8
USERNAME = re.compile(r"^[a-z0-9._-]{3,32}$")
DAMAGED = ("Mật khẩu đã lưu của tài khoản này bị hỏng; hãy nhờ quản trị viên đặt lại mật khẩu "
           "(Tài khoản → Người dùng).")


def hash_password(password: str, n: int | None = None, p: int | None = None) -> str:
    salt = os.urandom(16)
    n, p = n or SCRYPT_N, p or SCRYPT_P
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=p,
                            dklen=32, maxmem=SCRYPT_MAXMEM)
    encode = base64.b64encode
    return f"scrypt${n}${SCRYPT_R}${p}${encode(salt).decode()}${encode(digest).decode()}"


def password_matches(password: str, stored: str) -> bool:
    """Whether the password is the one stored; a stored value that is not a hash this program
    wrote (edited, truncated) is refused with a message."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt" or int(n) > 2**20 or int(r) > 32 or int(p) > 16:
            raise ValueError(stored)
        candidate = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt, validate=True),
                                   n=int(n), r=int(r), p=int(p), dklen=32, maxmem=SCRYPT_MAXMEM)
        expected = base64.b64decode(digest, validate=True)
    except (ValueError, TypeError, MemoryError):
        raise ValidationError("password", DAMAGED) from None
    return hmac.compare_digest(candidate, expected)


def _outdated(stored: str) -> bool:
    return stored.split("$")[1:4] != [str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P)]


# Wrong tries on names without an account, counted in this program as a real account's are in
# its record, so that lock-out says nothing about which names exist.
_unknown_tries: dict[str, tuple[int, datetime | None]] = {}


def _check_password(password: str) -> None:
    if len(password or "") < PASSWORD_MIN:
        raise ValidationError("password", f"Mật khẩu cần ít nhất {PASSWORD_MIN} ký tự.")
    if password.strip() != password:
        raise ValidationError("password", "Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách.")


def _clean_username(username: str) -> str:
    name = clean(username).lower()
    if not USERNAME.match(name):
        raise ValidationError(
            "username", "Tên đăng nhập gồm 3–32 chữ cái không dấu, chữ số, dấu chấm, gạch ngang."
        )
    return name


def get_user(user_id: int) -> AppUser:
    return stored_record(AppUser, user_id, "tài khoản")


def user_orgs(user_id: int) -> list[int]:
    return [row.org_id for row in UserOrg.select().where(UserOrg.user == user_id)]


def user_scopes() -> dict[int, list[int]]:
    """The organisations each limited account may work on (accounts not named: the bloc)."""
    scopes: dict[int, list[int]] = {}
    for user_id, org_id in UserOrg.select(UserOrg.user, UserOrg.org).tuples():
        scopes.setdefault(user_id, []).append(org_id)
    return scopes


def actor_for(user: AppUser) -> Actor:
    orgs = user_orgs(user.id)
    return Actor(user.id, user.username, user.full_name, user.role, frozenset(orgs) if orgs else None)


def _set_orgs(user: AppUser, org_ids: list[int] | None) -> None:
    wanted = set(org_ids or [])
    for org_id in wanted:
        if not PartyOrg.select().where(PartyOrg.id == org_id).exists():
            raise ValidationError("orgs", f"Không có tổ chức số {org_id}.")
    rows = list(UserOrg.select().where(UserOrg.user == user.id).order_by(UserOrg.id))
    stale = [row for row in rows if row.org_id not in wanted]
    missing = sorted(wanted - {row.org_id for row in rows})
    # Reuse a stale row for a new organisation (one change), then delete or add the rest.
    for row, org_id in zip(stale, missing, strict=False):
        before = values_of(row)
        row.org = org_id
        row.save()
        log_update(row, before)
    for row in stale[len(missing):]:
        log_delete(row)
        row.delete_instance()
    for org_id in missing[len(stale):]:
        log_insert(UserOrg.create(user=user.id, org=org_id))


def check_new_account(username: str, full_name: str, role: str) -> tuple[str, str]:
    """Everything about a new account but its password: asked before the password is, so a
    clerk at a console is not made to type one for an account that cannot be made. Returns
    the user name and the full name as they will be kept."""
    first = not session.any_user_exists()
    if not first:
        session.require(MANAGE_USERS)
    name = _clean_username(username)
    full = clean(full_name)
    if not full:
        raise ValidationError("full_name", "Nhập họ và tên người dùng.")
    if role not in ROLES:
        raise ValidationError("role", "Chọn vai trò.")
    if first and role != ADMIN:
        raise ValidationError("role", "Tài khoản đầu tiên phải là quản trị viên.")
    if AppUser.select().where(AppUser.username == name).exists():
        raise ValidationError("username", f"Đã có tài khoản “{name}”.")
    return name, full


def create_user(username: str, full_name: str, role: str, password: str,
                org_ids: list[int] | None = None) -> AppUser:
    """A new account. While no account exists, anyone at the machine may create the first
    one (it must be an administrator); after that only administrators may."""
    name, full = check_new_account(username, full_name, role)
    _check_password(password)
    with database.atomic():
        if AppUser.select().where(AppUser.username == name).exists():
            raise ValidationError("username", f"Đã có tài khoản “{name}”.")
        user = AppUser.create(username=name, full_name=full, role=role,
                              password_hash=hash_password(password))
        log_insert(user)
        _set_orgs(user, org_ids)
        session.accounts_changed()
        return user


def _admins_left(excluding: int) -> int:
    return AppUser.select().where(
        (AppUser.role == ADMIN) & AppUser.active & (AppUser.id != excluding)
    ).count()


def update_user(user_id: int, full_name: str, role: str, active: bool,
                org_ids: list[int] | None = None) -> AppUser:
    session.require(MANAGE_USERS)
    with database.atomic():
        user = get_user(user_id)
        before = values_of(user)
        if role not in ROLES:
            raise ValidationError("role", "Chọn vai trò.")
        if user.role == ADMIN and (role != ADMIN or not active) and _admins_left(user.id) == 0:
            raise ValidationError("role", "Phải còn ít nhất một quản trị viên đang hoạt động.")
        user.full_name = clean(full_name) or user.full_name
        user.role = role
        user.active = bool(active)
        if values_of(user) != before:
            user.updated_at = clock.now()
            user.save()
            log_update(user, before)
        _set_orgs(user, org_ids)
        session.accounts_changed()
        return user


def accounts_kept_here() -> bool:
    """Whether this connection may make and change the program's accounts: always on a file; on
    a server only the owner's account may (server_rights), not the workstations'."""
    return may_change(database.obj, AppUser._meta.table_name, "role")


def set_password(user_id: int, new_password: str, old_password: str | None = None) -> None:
    """Users change their own password (with the old one); administrators reset anyone's."""
    actor = session.current()
    own = actor is not None and actor.user_id == user_id
    if not own:
        session.require(MANAGE_USERS)
    _check_password(new_password)
    with database.atomic():
        user = get_user(user_id)
        if own and not password_matches(old_password or "", user.password_hash):
            raise ValidationError("old_password", "Mật khẩu hiện tại không đúng.")
        before = values_of(user)
        user.password_hash = hash_password(new_password)
        user.failed_attempts = 0
        user.locked_until = None
        user.updated_at = clock.now()
        user.save()
        log_update(user, before)


def authenticate(username: str, password: str, now: datetime | None = None) -> Actor:
    """Check a sign-in. Wrong passwords are counted; after MAX_ATTEMPTS the account is locked
    for LOCK_MINUTES. A name without an account costs the same work and gets the same answers,
    so the sign-in never tells which names exist. A hash of an older cost is renewed."""
    now = now or clock.now()
    name = clean(username).lower()
    if session.accounts_deleted():
        raise ValidationError("password", "Các tài khoản người dùng của tệp dữ liệu này đã bị xóa ngoài phần "
                                          "mềm, không ai đăng nhập được. Hãy khôi phục từ bản sao lưu.")
    with database.atomic():
        user = AppUser.get_or_none(AppUser.username == name)
        if user is None or not user.active:
            _refuse_unknown(name, password, now)
        if user.locked_until and user.locked_until > now:
            raise _locked(user.locked_until, now)
        before = values_of(user)
        actor = actor_for(user)
        with session.acting_as(actor):
            if password_matches(password, user.password_hash):
                # On a server the workstations' account may not write a hash (server_rights):
                # an older one is renewed when the owner's connection signs in.
                renew = (_outdated(user.password_hash)
                         and may_change(database.obj, AppUser._meta.table_name, "password_hash"))
                if user.failed_attempts or user.locked_until or renew:
                    user.failed_attempts, user.locked_until = 0, None
                    if renew:
                        user.password_hash = hash_password(password)
                    user.save(only=SIGN_IN_FIELDS + ([AppUser.password_hash] if renew else []))
                    log_update(user, before)
                return actor
            user.failed_attempts += 1
            if user.failed_attempts >= MAX_ATTEMPTS:
                user.failed_attempts, user.locked_until = 0, now + timedelta(minutes=LOCK_MINUTES)
            user.save(only=SIGN_IN_FIELDS)
            log_update(user, before)
    raise _wrong()


def _wrong() -> ValidationError:
    return ValidationError("password", "Tên đăng nhập hoặc mật khẩu không đúng.")


def _locked(until: datetime, now: datetime) -> ValidationError:
    minutes = max(1, int((until - now).total_seconds() // 60) + 1)
    return ValidationError(
        "password", f"Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần; thử lại sau {minutes} phút.")


def _refuse_unknown(name: str, password: str, now: datetime):
    """What a real account's wrong try does — the hashing, the count, the lock — for a name
    that has none; then the same refusal."""
    tries, until = _unknown_tries.get(name, (0, None))
    if until and until > now:
        raise _locked(until, now)
    hash_password(password)  # one scrypt, as checking a real account's password costs
    tries += 1
    locked = tries >= MAX_ATTEMPTS
    _unknown_tries[name] = (0, now + timedelta(minutes=LOCK_MINUTES)) if locked else (tries, None)
    raise _wrong()


def user_rows() -> list[tuple]:
    """(id, username, full name, role, active, locked until) for the users page."""
    return list(AppUser.select(AppUser.id, AppUser.username, AppUser.full_name, AppUser.role,
                               AppUser.active, AppUser.locked_until)
                .order_by(AppUser.username).tuples())


def first_start(details, username: str, full_name: str, password: str) -> AppUser:
    """Set up a new office: its details and the first administrator, both or neither."""
    if session.any_user_exists():
        raise ValidationError("username", "Cơ sở dữ liệu này đã có tài khoản; hãy đăng nhập.")
    with database.atomic():
        save_office_details(details)
        return create_user(username, full_name, ADMIN, password)
