"""Tables of admission: the cases from candidate to full member, and the targets.
The schema itself is built by models/migrations."""


from peewee import BooleanField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel, Versioned
from models.members.tables import Member
from models.orgs.tables import PartyOrg


class AdmissionCase(Versioned):
    full_name = CharField()
    name_folded = CharField(index=True)
    sort_key = CharField(index=True)
    sex = CharField(max_length=1)
    birth_date = DateField()
    ethnicity = CharField(default="")
    religion = CharField(default="")
    home_town = CharField(default="")
    residence = CharField(default="")
    identity_number = CharField(null=True)
    education = CharField(default="")
    occupation = CharField(default="")
    youth_union = BooleanField(default=False)
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT")
    listed_on = DateField()
    introducer1 = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
    introducer1_since = DateField(null=True)
    introducer2 = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
    introducer2_since = DateField(null=True)
    note = TextField(default="")
    course_from = DateField(null=True)
    course_to = DateField(null=True)
    certificate_no = CharField(default="")
    certificate_date = DateField(null=True)
    history_verified_on = DateField(null=True)
    cell_resolution_no = CharField(default="")
    cell_resolution_date = DateField(null=True)
    votes_for = IntegerField(null=True)
    votes_total = IntegerField(null=True)
    base_resolution_no = CharField(default="")
    base_resolution_date = DateField(null=True)
    decision_no = CharField(default="")
    decision_date = DateField(null=True)
    decision_body = CharField(default="")
    ceremony_date = DateField(null=True)
    member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
    review_date = DateField(null=True)
    full_decision_no = CharField(default="")
    full_decision_date = DateField(null=True)
    ended_on = DateField(null=True)
    end_reason = CharField(default="")
    state = CharField(index=True)
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "admission_case"


class AdmissionTarget(BaseModel):
    org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT")
    year_from = IntegerField()
    year_to = IntegerField()
    value = IntegerField()
    note = CharField(default="")

    class Meta:
        table_name = "admission_target"
