"""A sitting: signed in once, the account's commands on the same data need no password until it
ends. It ends with its time, a changed password, a locked or deactivated account, `logout`; a
record edited in the key folder, or one for other data, is no sitting."""

import json
from datetime import datetime, timedelta

import pytest
import time_machine

from models.accounts import session
from models.accounts.anchor import database_identity
from models.accounts.session import ADMIN, CLERK
from models.accounts.sittings import SITTINGS_FILE, end_sitting, open_sitting, resume_sitting
from models.accounts.tables import AppUser
from models.accounts.trail_key import app_data_folder
from models.accounts.users import authenticate, create_user, set_password, update_user
from models.core import clock
from models.core.errors import ValidationError

PASSWORD = "mat-khau-du-dai-1"


@pytest.fixture
def clerk(db):
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    admin = authenticate("quantri", PASSWORD)
    with session.acting_as(admin):
        create_user("thuky", "Lê Thư Ký", CLERK, PASSWORD)
    return admin, authenticate("thuky", PASSWORD)


def test_a_sitting_is_resumed_until_its_time_is_up(clerk):
    _admin, actor = clerk
    until = open_sitting(actor, hours=2)
    assert until - clock.now() <= timedelta(hours=2)
    assert resume_sitting("thuky").username == "thuky"
    assert resume_sitting("quantri") is None  # another account: no sitting of its own
    with time_machine.travel(until + timedelta(minutes=1), tick=False):
        assert resume_sitting("thuky") is None
    assert end_sitting("thuky") and resume_sitting("thuky") is None
    assert not end_sitting("thuky")


def test_a_new_password_a_lock_or_a_deactivation_ends_it(clerk):
    admin, actor = clerk
    open_sitting(actor)
    with session.acting_as(admin):
        set_password(actor.user_id, "mat-khau-moi-hon-9")
    assert resume_sitting("thuky") is None
    actor = authenticate("thuky", "mat-khau-moi-hon-9")
    open_sitting(actor)
    locked = clock.now() + timedelta(minutes=10)
    AppUser.update(locked_until=locked).where(AppUser.id == actor.user_id).execute()
    assert resume_sitting("thuky") is None
    AppUser.update(locked_until=None).where(AppUser.id == actor.user_id).execute()
    assert resume_sitting("thuky") is not None
    with session.acting_as(admin):
        update_user(actor.user_id, "Lê Thư Ký", CLERK, active=False)
    assert resume_sitting("thuky") is None


def test_an_edited_record_or_a_stretched_time_is_no_sitting(clerk):
    _admin, actor = clerk
    open_sitting(actor, hours=1)
    path = app_data_folder() / SITTINGS_FILE
    slot = f"{database_identity()}:thuky"
    record = json.loads(path.read_text(encoding="utf-8"))[slot]
    later = datetime.fromisoformat(record["until"]) + timedelta(days=30)
    for edit in ({"until": later.isoformat(timespec="seconds")}, {"user_id": 1, "username": "quantri"}):
        path.write_text(json.dumps({slot: {**record, **edit}}), encoding="utf-8")
        assert resume_sitting("thuky") is None and resume_sitting("quantri") is None
    path.write_text("{không phải json", encoding="utf-8")
    assert resume_sitting("thuky") is None


def test_only_a_signed_in_account_and_sensible_hours(clerk):
    _admin, actor = clerk
    with pytest.raises(ValidationError, match="tài khoản đã đăng nhập"):
        open_sitting(session.LOCAL_ADMIN)
    with pytest.raises(ValidationError, match="từ 1 đến 12 giờ"):
        open_sitting(actor, hours=48)


class AccountSeal:
    """Stands in for Windows' seal of an account's secrets (DPAPI): what one account sealed
    opens only for it. `account` says who is signed in to the machine now."""

    def __init__(self):
        self.account = "thuky-may-1"

    def seal(self, secret: bytes) -> bytes:
        return self.account.encode() + b"|" + secret[::-1]

    def unseal(self, sealed: bytes) -> bytes | None:
        account, _bar, body = sealed.partition(b"|")
        return body[::-1] if account == self.account.encode() else None


@pytest.fixture
def windows(monkeypatch):
    from models.core import user_seal

    seal = AccountSeal()
    monkeypatch.setattr(user_seal, "available", lambda: True)
    monkeypatch.setattr(user_seal, "seal", seal.seal)
    monkeypatch.setattr(user_seal, "unseal", seal.unseal)
    return seal


def test_on_windows_a_sitting_is_sealed_for_the_account_that_opened_it(clerk, windows):
    _admin, actor = clerk
    open_sitting(actor)
    record = json.loads((app_data_folder() / SITTINGS_FILE).read_text(encoding="utf-8"))
    assert record[f"{database_identity()}:thuky"]["sealed"]
    assert resume_sitting("thuky").username == "thuky"
    windows.account = "nguoi-khac-may-2"  # the key folder copied to another machine or account
    assert resume_sitting("thuky") is None
    windows.account = "thuky-may-1"
    assert end_sitting("thuky") and resume_sitting("thuky") is None


def test_on_windows_a_sitting_sealed_with_the_key_alone_is_no_sitting(clerk, windows, monkeypatch):
    """What whoever holds the key folder could write elsewhere: a record sealed as where
    Windows' seal is not to be had. On Windows it is not taken."""
    from models.core import user_seal

    _admin, actor = clerk
    monkeypatch.setattr(user_seal, "available", lambda: False)
    open_sitting(actor)
    assert resume_sitting("thuky") is not None
    monkeypatch.setattr(user_seal, "available", lambda: True)
    assert resume_sitting("thuky") is None


def test_windows_refusing_the_seal_opens_no_sitting(clerk, windows, monkeypatch):
    from models.core import user_seal

    _admin, actor = clerk
    monkeypatch.setattr(user_seal, "seal", lambda secret: None)
    with pytest.raises(ValidationError, match="hỏi mật khẩu như trước"):
        open_sitting(actor)
    assert resume_sitting("thuky") is None


def test_without_windows_seal_a_sealed_record_is_no_sitting(clerk, windows, monkeypatch):
    """A record sealed on Windows, read where the seal cannot be opened (the folder copied to
    another system): refused, never taken as sealed with the key alone."""
    from models.core import user_seal

    _admin, actor = clerk
    open_sitting(actor)
    monkeypatch.setattr(user_seal, "available", lambda: False)
    assert resume_sitting("thuky") is None


def test_the_seal_is_unavailable_off_windows():
    """The seal is Windows' own: anywhere else it says so, and seals nothing."""
    import sys

    from models.core import user_seal

    if sys.platform == "win32":
        sealed = user_seal.seal(b"bi-mat")
        assert sealed and b"bi-mat" not in sealed and user_seal.unseal(sealed) == b"bi-mat"
        assert user_seal.unseal(b"hong" + sealed[4:]) is None
    else:
        assert not user_seal.available() and user_seal.seal(b"bi-mat") is None
