"""The register numbers each issuer's documents apart: the standing committee's (""), and the
inspection commission's ("UBKT"), whose decisions run from 01 of their own."""

from peewee import CharField
from playhouse.migrate import migrate as run


def up(database, migrator):
    run(migrator.add_column("outgoing_document", "issuer", CharField(default="")))
