"""Writing many members at once (demo database, Excel import): rows inserted in batches, each
batch audited in the one chain (log_bulk_inserts), inside the caller's transaction."""

from models.accounts.audit import log_bulk_inserts
from models.core.bulk import insert_rows
from models.members.tables import Member, MemberEvent


def insert_members(members: list[dict], events: list[dict]) -> None:
    """Insert the prepared member and event rows (ids already set) and empty both lists."""
    insert_rows(Member, members)
    log_bulk_inserts(Member._meta.table_name, members)
    insert_rows(MemberEvent, events)
    log_bulk_inserts(MemberEvent._meta.table_name, events)
    members.clear()
    events.clear()
