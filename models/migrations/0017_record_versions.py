"""A version on the records clerks edit in forms at once (a member's record, an organisation):
each save raises it, and a save from a form opened on an older version is refused, so one
clerk's changes are never overwritten silently by another's (several clerks on one server)."""

from models.migrations.versioning import add_versions


def up(database, migrator):
    add_versions(database, migrator, ("member", "party_org"))
