"""Each audit entry records which key signed it: from now on the chain is an HMAC with a key
kept outside the database file (models/accounts/trail_key.py); entries written before carry
no key and keep their plain SHA-256."""

from peewee import CharField
from playhouse.migrate import migrate as run


def up(database, migrator):
    run(migrator.add_column("audit_entry", "key_id", CharField(null=True)))
