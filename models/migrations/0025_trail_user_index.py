"""The trail's index on user_id goes: no query looks entries up by it (the change log filters
by the name recorded), and each of the trail's million entries at 100,000 members kept 10 MB of
it, written once more for every change."""

from playhouse.migrate import migrate as run


def up(database, migrator):
    if "auditentry_user_id" in {index.name for index in database.get_indexes("audit_entry")}:
        run(migrator.drop_index("audit_entry", "auditentry_user_id"))
