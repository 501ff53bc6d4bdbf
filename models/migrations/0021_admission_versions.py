"""A version on admission cases too (see 0017): the candidate's details are not overwritten by
a form opened before another clerk's save."""

from models.migrations.versioning import add_versions


def up(database, migrator):
    add_versions(database, migrator, ("admission_case",))
