"""Shared by the migrations that give records a version (0017 and after)."""

from peewee import IntegerField, Table
from playhouse.migrate import migrate as run


def add_versions(database, migrator, tables: tuple[str, ...]) -> None:
    # Nullable in the schema: SQLite can then add the column in place (a NOT NULL one makes the
    # migrator rebuild the table, which the rows referring to it refuse). The migrator leaves a
    # nullable column empty: every existing row is then given 1, the model's default, which is
    # also what `check` expects of a row whose trail never named its version.
    run(*(migrator.add_column(table, "version", IntegerField(default=1, null=True)) for table in tables))
    for table in tables:
        Table(table, ("version",)).bind(database).update(version=1).execute()
