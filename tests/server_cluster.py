"""The tests' PostgreSQL: the server `.ci/postgres` started (its URL in DANGVU_TEST_PG). Each
test gets a database of its own, copied from one migrated template — as empty and new as the
SQLite file the other engine's run gets."""

import atexit
import itertools
import os

import psycopg
from psycopg import sql

URL = os.environ.get("DANGVU_TEST_PG", "")
TEMPLATE = f"dangvu_test_template_{os.getpid()}"  # one per test run: runs side by side never share
_numbers = itertools.count(1)
_template_ready = False


def _admin():
    return psycopg.connect(URL, autocommit=True)


def _with_dbname(name: str) -> str:
    base, _, _ = URL.rpartition("/")
    return f"{base}/{name}"


def _drop_template() -> None:
    with _admin() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(TEMPLATE)))


def _make_template() -> None:
    from models.core.db import close_database, open_database

    with _admin() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(TEMPLATE)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(TEMPLATE)))
    open_database(_with_dbname(TEMPLATE))  # the migrations, once
    close_database()


def new_database() -> tuple[str, str]:
    """A fresh migrated database: its name and URL."""
    global _template_ready
    if not _template_ready:
        _make_template()
        atexit.register(_drop_template)
        _template_ready = True
    name = f"dangvu_test_{os.getpid()}_{next(_numbers)}"
    with _admin() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name),
                                                                        sql.Identifier(TEMPLATE)))
    return name, _with_dbname(name)


def new_empty_database() -> tuple[str, str]:
    """A database with nothing in it, not even the schema: its name and URL."""
    name = f"dangvu_test_{os.getpid()}_{next(_numbers)}"
    with _admin() as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return name, _with_dbname(name)


def drop_database(name: str) -> None:
    with _admin() as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
