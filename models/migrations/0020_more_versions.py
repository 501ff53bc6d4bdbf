"""Versions on meetings and inspection cases too (see 0017): two clerks with the same record
open never overwrite each other's changes."""

from models.migrations.versioning import add_versions


def up(database, migrator):
    add_versions(database, migrator, ("meeting", "inspection_case"))
