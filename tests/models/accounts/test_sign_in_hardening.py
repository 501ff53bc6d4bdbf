"""Sign-in tells an attacker nothing: an unknown name costs the same work and gets the same
answers as a real one, lock-out included; passwords are hashed at today's cost and old hashes
are brought up to it; a damaged stored hash is refused with a message, not a crash."""

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

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
@pytest.mark.parametrize(("n", "p"), [(2**14, 1), (2**17, 1), (2**16, 2)])  # as databases made before hold
def test_passwords_are_hashed_at_32_mib_and_old_hashes_upgraded(db, n, p):
    assert hash_password(PASSWORD).split("$")[1:4] == [str(2**15), "8", "3"]
    user = create_user("thuky", "Lê Thư Ký", ADMIN, PASSWORD)
    AppUser.update(password_hash=hash_password(PASSWORD, n=n, p=p)).where(AppUser.id == user.id).execute()
    authenticate("thuky", PASSWORD)
    assert AppUser.get_by_id(user.id).password_hash.split("$")[1:4] == [str(2**15), "8", "3"]
    authenticate("thuky", PASSWORD)  # and it still signs in with the new hash


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory Linux keeps")
def test_a_sign_in_takes_at_most_32_mib_more_memory():
    """Reported: every command with --user peaked at 233 MB, 128 MiB of it the password check.
    Measured in a fresh interpreter by its own peak (VmHWM; ru_maxrss carries the parent's)."""
    probe = ("import re, sys; sys.path.insert(0, %r); from models.accounts import users\n"
             "peak = lambda: int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
             "before = peak(); users.hash_password('mat-khau-du-dai'); print(peak() - before)")
    root = str(Path(__file__).resolve().parents[3])
    grown_kib = int(subprocess.run([sys.executable, "-c", probe % root], capture_output=True, text=True,
                                   check=True).stdout)
    assert 28 * 1024 <= grown_kib <= 40 * 1024


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
