"""A version on the records clerks edit in forms at once (a member's record, an organisation):
each save raises it, and a save from a form opened on an older version is refused, so one
clerk's changes are never overwritten silently by another's (several clerks on one server)."""

from peewee import IntegerField, Table
from playhouse.migrate import migrate as run

VERSIONED = ("member", "party_org")


def up(database, migrator):
    # Nullable in the schema: SQLite can then add the column in place (a NOT NULL one makes the
    # migrator rebuild the table, which the rows referring to it refuse). The migrator leaves a
    # nullable column empty: every existing row is then given 1, the model's default, which is
    # also what `check` expects of a row whose trail never named its version.
    run(*(migrator.add_column(table, "version", IntegerField(default=1, null=True)) for table in VERSIONED))
    for table in VERSIONED:
        Table(table, ("version",)).bind(database).update(version=1).execute()
