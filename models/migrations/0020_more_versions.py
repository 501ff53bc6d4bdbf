"""Versions on meetings and inspection cases too (see 0017): two clerks with the same record
open never overwrite each other's changes."""

from peewee import IntegerField, Table
from playhouse.migrate import migrate as run

VERSIONED = ("meeting", "inspection_case")


def up(database, migrator):
    run(*(migrator.add_column(table, "version", IntegerField(default=1, null=True)) for table in VERSIONED))
    for table in VERSIONED:
        Table(table, ("version",)).bind(database).update(version=1).execute()
