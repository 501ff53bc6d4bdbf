"""Tables of awards and Party badges.
The schema itself is built by models/migrations."""


from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel
from models.members.tables import Member
from models.orgs.tables import PartyOrg


class Award(BaseModel):
    recipient_kind = CharField()  # vocab.AWARD_RECIPIENTS
    org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
    member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
    recipient_name = CharField()  # as printed; kept even when the record is linked
    form = CharField()  # vocab.AWARD_FORMS
    issuer = CharField()
    campaign = CharField(default="")
    decision_no = CharField(default="")
    decision_date = DateField(index=True)
    note = TextField(default="")
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "award"


class BadgeAward(BaseModel):
    member = ForeignKeyField(Member, on_delete="RESTRICT", backref="+")
    milestone = IntegerField()
    occasion = DateField(index=True)
    decision_no = CharField(default="")
    decision_date = DateField(null=True)
    badge_number = CharField(default="")
    posthumous = BooleanField(default=False)
    early = BooleanField(default=False)
    note = TextField(default="")
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "badge_award"
