"""Organisations, members, their event history and photos.

The models here are a frozen copy of the schema as it was at this migration; later changes
go in later migrations, so an old file upgrades the same way a new one is built.
"""

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)


def up(database, migrator):
    class Base(Model):
        class Meta:
            pass

    class PartyOrg(Base):
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
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "party_org"

    class Member(Base):
        full_name = CharField()
        name_folded = CharField(index=True)
        sort_key = CharField(index=True)
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
        # Current state, derived from the events and rewritten with them.
        org = ForeignKeyField(PartyOrg, null=True, backref="members", on_delete="RESTRICT")
        membership = CharField(null=True, index=True)
        status = CharField(null=True, index=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "member"

    class MemberPhoto(Base):
        member = ForeignKeyField(Member, primary_key=True, on_delete="CASCADE")
        data = BlobField()

        class Meta:
            table_name = "member_photo"

    class MemberEvent(Base):
        member = ForeignKeyField(Member, backref="events", on_delete="CASCADE")
        kind = CharField()
        date = DateField(index=True)
        decision_no = CharField(default="")
        org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT")
        place = CharField(default="")
        membership = CharField(null=True)
        note = TextField(default="")
        # The member's state just before and just after, for counts at a date.
        org_before = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        membership_before = CharField(null=True)
        counted_before = BooleanField(default=False)
        org_after = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        membership_after = CharField(null=True)
        counted_after = BooleanField(default=False)
        status_after = CharField(null=True)
        position = IntegerField(default=0)
        created_at = DateTimeField()

        class Meta:
            table_name = "member_event"
            indexes = ((("member", "position"), False),)

    tables = [PartyOrg, Member, MemberPhoto, MemberEvent]
    with database.bind_ctx(tables):
        database.create_tables(tables)
