"""Writing many members at once (demo database, Excel import): rows inserted in batches, each
audited as one entry per row in one chain, inside the caller's transaction."""

from models.audit import log_bulk_inserts
from models.tables import Member, MemberEvent

BATCH = 400


def insert_members(members: list[dict], events: list[dict]) -> None:
    """Insert the prepared member and event rows (ids already set) and empty both lists."""
    for start in range(0, len(members), BATCH):
        Member.insert_many(members[start:start + BATCH]).execute()
    log_bulk_inserts(Member._meta.table_name, members)
    for start in range(0, len(events), BATCH):
        MemberEvent.insert_many(events[start:start + BATCH]).execute()
    log_bulk_inserts(MemberEvent._meta.table_name, events)
    members.clear()
    events.clear()
