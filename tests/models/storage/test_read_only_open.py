"""`check` opens the data so that nothing can be written, on either engine: a file with
query_only, a server in a session whose transactions can only read."""

import pytest
from peewee import DatabaseError

from models.accounts.tables import OfficeSetting
from models.core.db import close_database, current_location, open_read_only


def test_nothing_can_be_written_where_check_looks(db):
    where = current_location()
    close_database()
    open_read_only(where)
    try:
        with pytest.raises(DatabaseError):
            OfficeSetting.create(key="thu-ghi", value="x")
    finally:
        close_database()
