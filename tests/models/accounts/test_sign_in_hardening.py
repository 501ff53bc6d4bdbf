"""Sign-in tells an attacker nothing: an unknown name costs the same work and gets the same
answers as a real one, lock-out included; passwords are hashed at today's cost and old hashes
are brought up to it; a damaged stored hash is refused with a message, not a crash."""

from datetime import datetime, timedelta

import pytest

import models.accounts.users as users
from models.accounts.session import ADMIN
from models.accounts.tables import AppUser
from models.accounts.users import MAX_ATTEMPTS, authenticate, create_user, hash_password
from models.core.errors import ValidationError

PASSWORD = "mat-khau-du-dai"


def answers(name: str, tries: int, now: datetime) -> list[str]:
    said = []
    for _ in range(tries):
        with pytest.raises(ValidationError) as refused:
            authenticate(name, "sai-mat-khau-roi", now)
        said.append(refused.value.message)
    return said


def test_unknown_and_known_names_get_the_same_answers(db):
    create_user("thuky", "Lê Thư Ký", ADMIN, PASSWORD)
    now = datetime(2026, 11, 27, 9, 0)
    known = answers("thuky", MAX_ATTEMPTS + 1, now)
    unknown = answers("khong-co-ai", MAX_ATTEMPTS + 1, now)
    assert unknown == known
    assert "tạm khóa" in known[-1]


def test_an_unknown_name_does_the_same_hashing_work(db, monkeypatch):
    create_user("thuky", "Lê Thư Ký", ADMIN, PASSWORD)
    costs = []
    real = users.hashlib.scrypt

    def counted(password, **parameters):
        costs.append((parameters["n"], parameters["r"], parameters["p"]))
        return real(password, **parameters)

    monkeypatch.setattr(users.hashlib, "scrypt", counted)
    answers("thuky", 1, datetime(2026, 11, 27, 9, 0))
    known = list(costs)
    costs.clear()
    answers("khong-co-ai", 1, datetime(2026, 11, 27, 9, 0))
    assert costs == known and len(known) == 1  # one scrypt of the same cost, first try included


@pytest.mark.real_password_cost
def test_passwords_are_hashed_at_n_2_17_and_old_hashes_upgraded(db):
    assert hash_password(PASSWORD).split("$")[1:4] == [str(2**17), "8", "1"]
    user = create_user("thuky", "Lê Thư Ký", ADMIN, PASSWORD)
    weak = hash_password(PASSWORD, n=2**14)  # as databases made before this change hold
    AppUser.update(password_hash=weak).where(AppUser.id == user.id).execute()
    authenticate("thuky", PASSWORD)
    assert AppUser.get_by_id(user.id).password_hash.split("$")[1] == str(2**17)
    authenticate("thuky", PASSWORD)  # and it still signs in with the new hash


@pytest.mark.parametrize("damaged", ["", "garbage", "scrypt$16384$8$1$!!!$???", "scrypt$3$8$1$YWJj$YWJj",
                                     "scrypt$99999999999$8$1$YWJj$YWJj"])
def test_a_damaged_stored_hash_is_refused_with_a_message(db, damaged):
    user = create_user("thuky", "Lê Thư Ký", ADMIN, PASSWORD)
    AppUser.update(password_hash=damaged).where(AppUser.id == user.id).execute()
    with pytest.raises(ValidationError) as refused:
        authenticate("thuky", PASSWORD)
    assert "quản trị viên" in refused.value.message


def test_the_lock_of_an_unknown_name_ends_as_a_real_one_does(db):
    now = datetime(2026, 11, 27, 9, 0)
    answers("khong-co-ai", MAX_ATTEMPTS, now)
    later = answers("khong-co-ai", 1, now + timedelta(minutes=users.LOCK_MINUTES + 1))
    assert "tạm khóa" not in later[0]
