"""Inspection and supervision cases, their subjects, and discipline (DOMAIN §5)."""

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


def up(database, migrator):
    class PartyOrg(Model):
        class Meta:
            table_name = "party_org"

    class Member(Model):
        class Meta:
            table_name = "member"

    class InspectionCase(Model):
        performer = CharField(index=True)
        performer_org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        kind = CharField(index=True)
        planned = BooleanField(default=False)
        plan_year = IntegerField(null=True, index=True)
        plan_month = IntegerField(null=True)
        title = CharField(default="")
        decision_no = CharField(default="")
        decision_date = DateField(null=True)
        team = TextField(default="")
        start_date = DateField(null=True, index=True)
        end_date = DateField(null=True)
        status = CharField(index=True)
        note = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "inspection_case"

    class InspectionSubject(Model):
        case = ForeignKeyField(InspectionCase, on_delete="CASCADE", backref="subjects")
        subject_type = CharField()
        org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
        conclusion = CharField(null=True)
        recommendations = TextField(default="")
        follow_up_done = BooleanField(default=False)

        class Meta:
            table_name = "inspection_subject"

    class Discipline(Model):
        subject_type = CharField()
        org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
        form = CharField(index=True)
        deciding_body = CharField()
        decision_no = CharField()
        decision_date = DateField(index=True)
        effective_date = DateField()
        case = ForeignKeyField(InspectionCase, null=True, on_delete="RESTRICT", backref="+")
        note = TextField(default="")
        created_at = DateTimeField()

        class Meta:
            table_name = "discipline"

    tables = [InspectionCase, InspectionSubject, Discipline]
    with database.bind_ctx(tables + [PartyOrg, Member]):
        database.create_tables(tables)
