"""Tables of inspection, supervision and discipline.
The schema itself is built by models/migrations."""


from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel, Versioned
from models.members.tables import Member
from models.orgs.tables import PartyOrg


class InspectionCase(Versioned):
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
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "inspection_case"


class InspectionSubject(BaseModel):
    case = ForeignKeyField(InspectionCase, on_delete="CASCADE", backref="subjects")
    subject_type = CharField()
    org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
    member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
    conclusion = CharField(null=True)
    recommendations = TextField(default="")
    follow_up_done = BooleanField(default=False)

    class Meta:
        table_name = "inspection_subject"


class Discipline(BaseModel):
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
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "discipline"
