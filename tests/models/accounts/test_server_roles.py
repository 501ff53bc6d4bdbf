"""On a server the database itself enforces what the program enforces: the workstations'
account may write the records and append to the trail, but PostgreSQL refuses it any change
of the trail's entries, of the program's accounts and of the schema (reported: every
workstation held the one password that could relabel the trail and make a viewer an
administrator, and `check` found nothing). The database and its two accounts are made by the
shipped set-up script, as an office makes them."""

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import psycopg
import pytest
from psycopg import errors, sql

import main
from models.accounts import session
from models.accounts.session import ADMIN, VIEWER
from models.accounts.tables import AppUser, AuditEntry
from models.accounts.users import accounts_kept_here, authenticate, create_user, update_user
from models.core import vocab as v
from models.core.db import NotPermitted, close_database, open_database
from models.core.errors import ValidationError
from models.members.events import create_member
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg
from models.storage.transfer import transfer_database
from tests.conftest import person
from tests.server_cluster import URL

pytestmark = pytest.mark.skipif(not URL, reason="needs DANGVU_TEST_PG (.ci/run starts a server)")

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "packaging" / "server" / "tao-co-so-du-lieu.sql"
PASSWORD = "mat-khau-du-dai"


def _psql() -> str:
    found = shutil.which("psql") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))), None)
    if not found:
        pytest.skip("psql is not installed")
    return str(found)


def _url(account: str, dbname: str) -> str:
    base = URL.split("://", 1)[1].split("@", 1)[1].rsplit("/", 1)[0]
    return f"postgresql://{account}@{base}/{dbname}"


@pytest.fixture
def office_server():
    """The office's database made by the set-up script: (owner's address, workstations' address)."""
    tag = os.getpid()
    dbname, owner, workstation = f"dangvu_roles_{tag}", f"dangvu_chu_{tag}", f"dangvu_may_{tag}"
    done = subprocess.run([_psql(), URL, "-v", f"password={PASSWORD}", "-v", f"dbname={dbname}",
                           "-v", f"account={owner}", "-v", f"workstation={workstation}",
                           "-v", f"workstation_password={PASSWORD}x", "-f", str(SCRIPT)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    yield _url(owner, dbname), _url(workstation, dbname)
    close_database()
    with psycopg.connect(URL, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
        for role in (owner, workstation):
            admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def _set_up_as_owner(owner_url: str) -> None:
    open_database(owner_url)
    assert accounts_kept_here()
    create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("chixem", "Chỉ Xem", VIEWER, PASSWORD)
        bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK")
        create_org(name="Chi bộ Sở Tư pháp", level=v.CBCS, parent_id=bloc.id, code="CB")
    close_database()


def test_the_workstations_account_keeps_records_and_signs_in(office_server):
    owner_url, workstation_url = office_server
    _set_up_as_owner(owner_url)
    open_database(workstation_url)
    with pytest.raises(ValidationError):
        authenticate("chixem", "sai-mat-khau")  # the count of wrong tries is written
    assert AppUser.get(AppUser.username == "chixem").failed_attempts == 1
    with session.acting_as(authenticate("quantri", PASSWORD)):
        bloc = PartyOrg.get(PartyOrg.level == v.BLOC)
        cell = create_org(name="Chi bộ Phòng Thanh tra", level=v.CBCS, parent_id=bloc.id, code="TT")
        member = create_member(person(), {"kind": v.TRANSFER_IN, "date": date(2020, 1, 1),
                                          "org_id": cell.id, "membership": v.FULL})
    assert AuditEntry.select().where((AuditEntry.table_name == "member")
                                     & (AuditEntry.record_id == str(member.id))).exists()


def test_the_program_on_the_workstations_account_cannot_change_accounts(office_server):
    owner_url, workstation_url = office_server
    _set_up_as_owner(owner_url)
    open_database(workstation_url)
    assert not accounts_kept_here()  # the users page says so before a form is filled
    entries = AuditEntry.select().count()
    with session.acting_as(authenticate("quantri", PASSWORD)):
        with pytest.raises(NotPermitted, match="tài khoản chủ"):
            create_user("moi", "Người Mới", ADMIN, PASSWORD)
        viewer = AppUser.get(AppUser.username == "chixem")
        with pytest.raises(NotPermitted):
            update_user(viewer.id, "Chỉ Xem", ADMIN, True)
    assert AuditEntry.select().count() == entries  # nothing half-written
    assert AppUser.get(AppUser.username == "chixem").role == VIEWER
    assert not AppUser.select().where(AppUser.username == "moi").exists()


@pytest.mark.parametrize("statement", [
    "UPDATE audit_entry SET key_id = 'deadbeefdeadbeef'",
    "DELETE FROM audit_entry",
    "TRUNCATE audit_entry",
    "UPDATE app_user SET role = 'ADMIN'",
    "UPDATE app_user SET password_hash = 'x'",
    "INSERT INTO app_user (username, full_name, role, password_hash, failed_attempts, active, "
    "created_at, updated_at) VALUES ('evil', 'Evil', 'ADMIN', 'x', 0, true, now(), now())",
    "DELETE FROM user_org",
    "DELETE FROM app_user",
    "DELETE FROM schema_migration",
    "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
    "DROP TABLE audit_entry",
    "CREATE TABLE nhat_ky_gia (id int)",
])
def test_postgresql_itself_refuses_the_workstations_account(office_server, statement):
    owner_url, workstation_url = office_server
    _set_up_as_owner(owner_url)
    with psycopg.connect(workstation_url) as raw:
        with pytest.raises(errors.InsufficientPrivilege):
            raw.execute(statement)


def test_a_schema_behind_the_program_is_upgraded_by_the_owner_not_the_workstations(office_server):
    owner_url, workstation_url = office_server
    _set_up_as_owner(owner_url)
    with psycopg.connect(owner_url, autocommit=True) as raw:  # as if the program were newer
        newest = raw.execute("SELECT max(name) FROM schema_migration").fetchone()[0]
        raw.execute("DELETE FROM schema_migration WHERE name = %s", (newest,))
    with pytest.raises(NotPermitted, match="nâng cấp"):
        open_database(workstation_url)
    with psycopg.connect(owner_url) as raw:
        assert raw.execute("SELECT count(*) FROM schema_migration WHERE name = %s",
                           (newest,)).fetchone()[0] == 0


def test_commands_on_the_workstations_account_say_why_and_check_still_reads(office_server, monkeypatch,
                                                                             capsys):
    owner_url, workstation_url = office_server
    _set_up_as_owner(owner_url)
    monkeypatch.setenv("DANGVU_PASSWORD", PASSWORD)
    monkeypatch.setenv("DANGVU_NEW_PASSWORD", "mat-khau-moi-du-dai")
    made = ["user", "add", "moi", "--name", "Người Mới", "--role", "ADMIN", "--db", workstation_url,
            "--user", "quantri"]
    assert main.main(made) == 1
    said = capsys.readouterr().err
    assert "tài khoản chủ của cơ sở dữ liệu" in said and "Traceback" not in said
    assert main.main(["check", "--db", workstation_url]) == 0, capsys.readouterr()
    assert main.main(made[:-4] + ["--db", owner_url, "--user", "quantri"]) == 0  # the owner may


def test_a_file_moved_onto_the_server_by_the_owner_is_kept_by_the_workstations(office_server, tmp_path):
    owner_url, workstation_url = office_server
    office_file = tmp_path / "dangvu.db"
    _set_up_as_owner(office_file)  # the office's file, as it stands before the server
    transfer_database(office_file, owner_url)
    open_database(workstation_url)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        bloc = PartyOrg.get(PartyOrg.level == v.BLOC)
        create_org(name="Chi bộ Phòng Thanh tra", level=v.CBCS, parent_id=bloc.id, code="TT")
    assert PartyOrg.select().count() == 3
    with psycopg.connect(workstation_url) as raw, pytest.raises(errors.InsufficientPrivilege):
        raw.execute("UPDATE audit_entry SET key_id = 'deadbeefdeadbeef'")
