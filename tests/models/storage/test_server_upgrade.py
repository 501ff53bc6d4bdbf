"""A server's database set up by an older version is brought up to date in place, with the
rows it holds — every migration runs on PostgreSQL as on SQLite (test_storage.py has the
file's side)."""

import pytest

from models.core.db import close_database, open_database, server_database
from models.core.where import parse_server
from models.members.tables import Member
from models.migrations import applied, available
from models.orgs.tables import PartyOrg
from tests.models.storage.test_storage import fill_older_schema
from tests.server_cluster import URL, drop_database, new_empty_database

pytestmark = pytest.mark.skipif(not URL, reason="needs DANGVU_TEST_PG (.ci/run starts a server)")


@pytest.mark.parametrize("upto", range(1, len(available())))
def test_each_older_schema_on_a_server_is_upgraded_with_its_rows(upto):
    name, url = new_empty_database()
    try:
        old = server_database(parse_server(url))
        old.connect()
        fill_older_schema(old, upto)
        old.close()
        database = open_database(url)
        assert applied(database) == set(available())
        assert [(org.name, org.version) for org in PartyOrg.select()] == [("Đảng bộ Khối cũ", 1)]
        assert [(m.full_name, m.version, m.org_id) for m in Member.select()] == [("Nguyễn Văn Cũ", 1, 1)]
    finally:
        close_database()
        drop_database(name)
