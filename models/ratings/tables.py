"""Tables of the annual quality rating.
The schema itself is built by models/migrations."""


from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField

from models.core import clock
from models.core.db import BaseModel
from models.members.tables import Member
from models.orgs.tables import PartyOrg


class MemberRating(BaseModel):
    year = IntegerField()
    member = ForeignKeyField(Member, on_delete="RESTRICT", backref="+")
    level = CharField(null=True)
    score = IntegerField(null=True)
    not_rated_reason = CharField(null=True)
    updated_at = DateTimeField(default=clock.now)
    long_sick_leave = BooleanField(default=False)  # ≥3 months in the year: at most HTNV

    class Meta:
        table_name = "member_rating"
        indexes = ((("year", "member", "level"), False),)


class OrgRating(BaseModel):
    year = IntegerField(index=True)
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
    level = CharField(null=True)
    score = IntegerField(null=True)
    not_rated_reason = CharField(null=True)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "org_rating"


class RatingTotals(BaseModel):
    year = IntegerField(index=True)
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
    total_members = IntegerField()
    rated = IntegerField()
    excellent = IntegerField()
    good = IntegerField()
    adequate = IntegerField()
    failed = IntegerField()
    not_rated = IntegerField()
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "rating_totals"
