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
