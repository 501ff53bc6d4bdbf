"""Tables of the member registry: the record, its photo and its history of events.
The schema itself is built by models/migrations."""


from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from models.core import clock
from models.core.db import BaseModel, Versioned
from models.orgs.tables import PartyOrg


class Member(Versioned):
    full_name = CharField()
    name_folded = CharField(index=True)
    sort_key = CharField()  # indexed with id, name_folded and status: see Meta
    other_name = CharField(default="")
    sex = CharField(max_length=1)
    birth_date = DateField(index=True)
    ethnicity = CharField(default="")
    religion = CharField(default="")
    home_town = CharField(default="")
    residence = CharField(default="")
    identity_number = CharField(null=True, unique=True)
    education = CharField(default="")
    professional_level = CharField(default="")
    political_theory = CharField(default="")
    occupation = CharField(default="")
    party_posts = CharField(default="")
    card_number = CharField(null=True, unique=True)
    dossier_number = CharField(null=True, unique=True)
    admission_date = DateField(null=True)
    ceremony_date = DateField(null=True)
    full_member_date = DateField(null=True)
    note = TextField(default="")
    org = ForeignKeyField(PartyOrg, null=True, backref="members", on_delete="RESTRICT",
                          index=False)  # indexed with membership and status: see Meta
    membership = CharField(null=True, index=True)
    status = CharField(null=True)
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)
    youth_union = BooleanField(default=False)  # đoàn viên when admitted (Biểu 2)

    class Meta:
        table_name = "member"
        # The member list's order with every column its search filters on, and the tree's
        # counts by organisation (migration 0024).
        indexes = ((("sort_key", "id", "name_folded", "status"), False),
                   (("org", "membership", "status"), False))


class MemberPhoto(BaseModel):
    member = ForeignKeyField(Member, primary_key=True, on_delete="CASCADE")
    data = BlobField()

    class Meta:
        table_name = "member_photo"


class MemberEvent(BaseModel):
    member = ForeignKeyField(Member, backref="events", on_delete="CASCADE")
    kind = CharField()
    date = DateField(index=True)
    decision_no = CharField(default="")
    org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT")
    place = CharField(default="")
    membership = CharField(null=True)
    note = TextField(default="")
    org_before = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
    membership_before = CharField(null=True)
    counted_before = BooleanField(default=False)
    org_after = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
    membership_after = CharField(null=True)
    counted_after = BooleanField(default=False)
    status_after = CharField(null=True)
    position = IntegerField(default=0)
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "member_event"
        indexes = ((("kind", "date", "org_after"), False),)  # more made by the migrations
