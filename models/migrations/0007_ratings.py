"""The annual quality rating (DOMAIN §4): of members, of grassroots organisations, and the
totals an organisation reports when the bloc office does not get member-by-member lists."""

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, Model


def up(database, migrator):
    class PartyOrg(Model):
        class Meta:
            table_name = "party_org"

    class Member(Model):
        class Meta:
            table_name = "member"

    class MemberRating(Model):
        year = IntegerField(index=True)
        member = ForeignKeyField(Member, on_delete="RESTRICT", backref="+")
        level = CharField(null=True)
        score = IntegerField(null=True)
        not_rated_reason = CharField(null=True)
        updated_at = DateTimeField()

        class Meta:
            table_name = "member_rating"
            indexes = ((("year", "member"), True),)

    class OrgRating(Model):
        year = IntegerField(index=True)
        org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
        level = CharField(null=True)
        score = IntegerField(null=True)
        not_rated_reason = CharField(null=True)
        updated_at = DateTimeField()

        class Meta:
            table_name = "org_rating"
            indexes = ((("year", "org"), True),)

    class RatingTotals(Model):
        year = IntegerField(index=True)
        org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
        total_members = IntegerField()
        rated = IntegerField()
        excellent = IntegerField()
        good = IntegerField()
        adequate = IntegerField()
        failed = IntegerField()
        not_rated = IntegerField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "rating_totals"
            indexes = ((("year", "org"), True),)

    tables = [MemberRating, OrgRating, RatingTotals]
    with database.bind_ctx(tables + [PartyOrg, Member]):
        database.create_tables(tables)
