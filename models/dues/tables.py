"""Tables of the office's Party dues books (đảng phí, QĐ 342-QĐ/TW): the shares in force, and
what each grassroots organisation collected and remitted to the bloc in a quarter. The schema
itself is built by models/migrations."""

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel
from models.orgs.tables import PartyOrg


class DuesShare(BaseModel):
    """The shares the office applies from a day on: the part of what it collects a grassroots
    organisation keeps, and the part of what the bloc receives that the bloc keeps (the rest of
    each goes one level up). They change with the Party's rules, so each is kept with the day it
    took effect and a quarter is counted with the one in force on its first day."""

    valid_from = DateField(unique=True)
    kept_percent = IntegerField()  # kept by a grassroots organisation, 0–100
    bloc_kept_percent = IntegerField()  # kept by the bloc of what it receives, 0–100
    rates = TextField(default="")  # the dues rates the office applies, as it words them, one per line
    note = TextField(default="")

    class Meta:
        table_name = "dues_share"


class DuesEntry(BaseModel):
    """One grassroots organisation's dues for one quarter, in đồng."""

    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
    year = IntegerField()
    quarter = IntegerField()  # 1–4
    collected = IntegerField()
    remitted = IntegerField()  # paid to the bloc for the quarter
    remitted_on = DateField(null=True)
    source = CharField(default="")  # "" when typed; else the returns the figures came from
    note = TextField(default="")
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "dues_entry"
        indexes = ((("org", "year", "quarter"), True),)
