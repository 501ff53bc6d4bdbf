"""On a server, an index that serves the member search's "name contains" (a trigram index);
a SQLite file needs none (its scan of the folded names is quicker than the keystroke's paint)."""

from peewee import CharField, Model

from models.core.db import index_for_contains


def up(database, migrator):
    class Member(Model):
        name_folded = CharField()

        class Meta:
            table_name = "member"

    index_for_contains(database, Member, Member.name_folded)
