from datetime import datetime, timedelta

import pytest

from models.accounts import session
from models.accounts.session import ADMIN, CLERK, VIEWER
from models.accounts.tables import AppUser
from models.accounts.users import (
    MAX_ATTEMPTS,
    authenticate,
    create_user,
    hash_password,
    password_matches,
    set_password,
    update_user,
)
from models.core.errors import Forbidden, ValidationError

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def admin(db):
    user = create_user("quantri", "Nguyễn Quản Trị", ADMIN, PASSWORD)
    actor = authenticate("quantri", PASSWORD)
    session.set_current(actor)
    yield user
    session.set_current(None)


def test_password_hash_is_salted_scrypt_and_never_clear():
    first, second = hash_password("bí mật 123"), hash_password("bí mật 123")
    assert first.startswith("scrypt$") and first != second
    assert "bí mật" not in first
    assert password_matches("bí mật 123", first) and not password_matches("bí mật 124", first)
    with pytest.raises(ValidationError):  # not a hash this program writes: damaged, said so
        password_matches("x", "md5$abc")


def test_first_account_must_be_an_administrator(db):
    with pytest.raises(ValidationError) as caught:
        create_user("canbo", "Cán Bộ", CLERK, PASSWORD)
    assert caught.value.field == "role"
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    assert session.current() is None  # from now on someone must sign in
    with pytest.raises(Forbidden):
        create_user("khac", "Người Khác", ADMIN, PASSWORD)


def test_sign_in_wrong_password_locks_after_several_attempts(admin):
    create_user("canbo", "Trần Cán Bộ", CLERK, PASSWORD)
    now = datetime(2026, 1, 1, 8, 0)
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(ValidationError) as caught:
            authenticate("canbo", "sai-mat-khau", now=now)
        assert "không đúng" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        authenticate("canbo", PASSWORD, now=now + timedelta(minutes=1))
    assert "tạm khóa" in caught.value.message
    actor = authenticate("canbo", PASSWORD, now=now + timedelta(minutes=20))
    assert actor.role == CLERK


def test_unknown_user_and_wrong_password_get_the_same_message(admin):
    messages = set()
    for name, password in (("khongco", PASSWORD), ("quantri", "sai-mat-khau")):
        with pytest.raises(ValidationError) as caught:
            authenticate(name, password)
        messages.add(caught.value.message)
    assert len(messages) == 1


def test_username_and_password_rules(admin):
    with pytest.raises(ValidationError) as caught:
        create_user("Nguyễn A", "Nguyễn A", CLERK, PASSWORD)
    assert caught.value.field == "username"
    with pytest.raises(ValidationError) as caught:
        create_user("canbo", "Cán Bộ", CLERK, "ngan")
    assert caught.value.field == "password"
    create_user("canbo", "Cán Bộ", CLERK, PASSWORD)
    with pytest.raises(ValidationError) as caught:
        create_user("CANBO", "Cán Bộ Khác", CLERK, PASSWORD)
    assert "Đã có" in caught.value.message


def test_own_password_change_needs_the_old_one(admin):
    with pytest.raises(ValidationError) as caught:
        set_password(admin.id, "mat-khau-moi-123", old_password="sai")
    assert caught.value.field == "old_password"
    set_password(admin.id, "mat-khau-moi-123", old_password=PASSWORD)
    assert authenticate("quantri", "mat-khau-moi-123").username == "quantri"


def test_last_administrator_cannot_be_demoted(admin):
    with pytest.raises(ValidationError) as caught:
        update_user(admin.id, "Nguyễn Quản Trị", VIEWER, True)
    assert "ít nhất một quản trị viên" in caught.value.message
    assert AppUser.get_by_id(admin.id).role == ADMIN


def test_inactive_user_cannot_sign_in(admin):
    user = create_user("nghiviec", "Người Nghỉ", CLERK, PASSWORD)
    update_user(user.id, "Người Nghỉ", CLERK, False)
    with pytest.raises(ValidationError):
        authenticate("nghiviec", PASSWORD)
