"""The organisation tree's table.
The schema itself is built by models/migrations."""


from peewee import CharField, DateField, DateTimeField, ForeignKeyField, TextField

from models.core import clock
from models.core.db import Versioned


class PartyOrg(Versioned):
    name = CharField()
    name_folded = CharField(index=True)
    code = CharField(default="")
    level = CharField(index=True)
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="RESTRICT")
    agency = CharField(default="")
    org_type = CharField(default="")
    founded_on = DateField(null=True)
    dissolved_on = DateField(null=True, index=True)
    note = TextField(default="")
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "party_org"
