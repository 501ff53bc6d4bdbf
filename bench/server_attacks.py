"""The reported attacks on the office's server, tried with the workstations' account (the
password every workstation holds) on a database made by the shipped set-up script: each
statement PostgreSQL lets through is a failure. Needs a PostgreSQL URL of an account that may
create roles and databases (`.ci/postgres start FOLDER` prints one)."""

import os
import shutil
import subprocess
from pathlib import Path

import psycopg
from psycopg import errors, sql

from models.accounts import session
from models.accounts.session import ADMIN, VIEWER
from models.accounts.users import authenticate, create_user
from models.core.db import close_database, open_database

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "server" / "tao-co-so-du-lieu.sql"
PASSWORD = "mat-khau-du-dai"

ATTACKS = [
    # 1 and 2: relabel the trail, delete the accounts and their entries
    "UPDATE audit_entry SET key_id = 'deadbeefdeadbeef'",
    "UPDATE audit_entry SET table_name = 'nguoi_dung_cu' WHERE table_name IN ('app_user', 'user_org')",
    "DELETE FROM user_org",
    "DELETE FROM app_user",
    # 3: a viewer makes itself administrator, or makes a new one
    "UPDATE app_user SET role = 'ADMIN' WHERE username = 'chixem'",
    "INSERT INTO app_user (username, full_name, role, password_hash, failed_attempts, active, "
    "created_at, updated_at) VALUES ('evil', 'Evil', 'ADMIN', 'x', 0, true, now(), now())",
    # 4: the trail's end cut
    "DELETE FROM audit_entry WHERE id > (SELECT max(id) - 3 FROM audit_entry)",
    "TRUNCATE audit_entry",
    # the schema changed under the program
    "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
    "DROP TABLE app_user CASCADE",
    "DELETE FROM schema_migration",
]


def _psql() -> str | None:
    found = shutil.which("psql") or next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))), None)
    return str(found) if found else None


def _at(url: str, account: str, dbname: str) -> str:
    host = url.split("://", 1)[1].split("@", 1)[1].rsplit("/", 1)[0]
    return f"postgresql://{account}@{host}/{dbname}"


def server_roles(url: str) -> tuple[int, int, str]:
    tag = os.getpid()
    dbname, owner, workstation = f"dangvu_attacks_{tag}", f"dangvu_chu_{tag}", f"dangvu_may_{tag}"
    psql = _psql()
    if psql is None:
        return 0, 0, "psql not installed: not tried"
    subprocess.run([psql, url, "-q", "-v", f"password={PASSWORD}", "-v", f"dbname={dbname}",
                    "-v", f"account={owner}", "-v", f"workstation={workstation}",
                    "-v", f"workstation_password={PASSWORD}x", "-f", str(SCRIPT)],
                   check=True, capture_output=True)
    failures = 0
    try:
        open_database(_at(url, owner, dbname))
        create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
        with session.acting_as(authenticate("quantri", PASSWORD)):
            create_user("chixem", "Chỉ Xem", VIEWER, PASSWORD)
        close_database()
        with psycopg.connect(_at(url, workstation, dbname), autocommit=True) as raw:
            for statement in ATTACKS:
                try:
                    raw.execute(statement)
                    failures += 1
                except errors.InsufficientPrivilege:
                    pass
    finally:
        close_database()
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(dbname)))
            for role in (owner, workstation):
                admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
    return len(ATTACKS), failures, "SQL with the workstations' password on the server"
