"""Awards (DOMAIN §9), Party badges presented (DOMAIN §7), and the long sick leave that caps
a member's rating at "hoàn thành nhiệm vụ" (DOMAIN §4)."""

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.migrate import migrate as run


def up(database, migrator):
    class PartyOrg(Model):
        class Meta:
            table_name = "party_org"

    class Member(Model):
        class Meta:
            table_name = "member"

    class Award(Model):
        recipient_kind = CharField()
        org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
        recipient_name = CharField()
        form = CharField()
        issuer = CharField()
        campaign = CharField(default="")
        decision_no = CharField(default="")
        decision_date = DateField(index=True)
        note = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            table_name = "award"

    class BadgeAward(Model):
        member = ForeignKeyField(Member, on_delete="RESTRICT", backref="+")
        milestone = IntegerField()
        occasion = DateField(index=True)
        decision_no = CharField(default="")
        decision_date = DateField(null=True)
        badge_number = CharField(default="")
        posthumous = BooleanField(default=False)
        early = BooleanField(default=False)
        note = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            table_name = "badge_award"
            indexes = ((("member", "milestone"), True),)

    tables = [Award, BadgeAward]
    with database.bind_ctx(tables + [PartyOrg, Member]):
        database.create_tables(tables)
    run(migrator.add_column("member_rating", "long_sick_leave", BooleanField(default=False)))
