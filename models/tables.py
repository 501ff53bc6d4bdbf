"""The peewee models: the current shape of the schema that the migrations build.

Rules live in orgs.py, members.py and events.py; these classes only describe the rows.
"""

from datetime import datetime

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

from models.db import database


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class PartyOrg(BaseModel):
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
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "party_org"


class Member(BaseModel):
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
    org = ForeignKeyField(PartyOrg, null=True, backref="members", on_delete="RESTRICT")
    membership = CharField(null=True, index=True)
    status = CharField(null=True, index=True)
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(default=datetime.now)
    youth_union = BooleanField(default=False)  # đoàn viên when admitted (Biểu 2)

    class Meta:
        table_name = "member"


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
    created_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "member_event"


class AppUser(BaseModel):
    username = CharField(unique=True)
    full_name = CharField()
    role = CharField()
    password_hash = CharField()
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    active = BooleanField(default=True)
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "app_user"


class UserOrg(BaseModel):
    user = ForeignKeyField(AppUser, on_delete="CASCADE")
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT")

    class Meta:
        table_name = "user_org"


class AuditEntry(BaseModel):
    at = DateTimeField(index=True)
    user_id = IntegerField(null=True, index=True)
    username = CharField()
    action = CharField()
    table_name = CharField(index=True)
    record_id = CharField(index=True)
    old_values = TextField(null=True)
    new_values = TextField(null=True)
    prev_hash = CharField()
    hash = CharField()

    class Meta:
        table_name = "audit_entry"


class OfficeSetting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "office_setting"


class AdmissionCase(BaseModel):
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
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(default=datetime.now)

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


class InspectionCase(BaseModel):
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
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(default=datetime.now)

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
    created_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "discipline"


class OutgoingDocument(BaseModel):
    type_code = CharField(index=True)
    number = IntegerField()
    issued_on = DateField(index=True)
    title = CharField()
    created_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "outgoing_document"


class ReportDraft(BaseModel):
    kind = CharField()
    year = IntegerField()
    sections = TextField()
    updated_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "report_draft"


class MemberRating(BaseModel):
    year = IntegerField(index=True)
    member = ForeignKeyField(Member, on_delete="RESTRICT", backref="+")
    level = CharField(null=True)
    score = IntegerField(null=True)
    not_rated_reason = CharField(null=True)
    updated_at = DateTimeField(default=datetime.now)
    long_sick_leave = BooleanField(default=False)  # ≥3 months in the year: at most HTNV

    class Meta:
        table_name = "member_rating"


class OrgRating(BaseModel):
    year = IntegerField(index=True)
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
    level = CharField(null=True)
    score = IntegerField(null=True)
    not_rated_reason = CharField(null=True)
    updated_at = DateTimeField(default=datetime.now)

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
    updated_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "rating_totals"


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
    created_at = DateTimeField(default=datetime.now)

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
    created_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "badge_award"


class Meeting(BaseModel):
    body = CharField(index=True)  # meeting_vocab.BODIES
    org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")  # for grassroots bodies
    kind = CharField(index=True)  # meeting_vocab.KINDS
    number = IntegerField(null=True)  # "lần thứ N" of the executive committee within the term
    title = CharField(default="")
    date = DateField(index=True)
    time = CharField(default="")
    place = CharField(default="")
    chairs = TextField(default="")
    secretary = CharField(default="")
    guests = TextField(default="")  # one full title line per guest
    presenters = TextField(default="")
    standing_visitors = TextField(default="")  # standing committee members who attended (cells)
    agenda = TextField(default="")
    minutes = TextField(default="")
    body_size = IntegerField(null=True)  # members of a committee; a cell's come from the registry
    search_folded = TextField(default="")
    created_at = DateTimeField(default=datetime.now)
    updated_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "meeting"


class MeetingAttendance(BaseModel):
    meeting = ForeignKeyField(Meeting, on_delete="CASCADE", backref="+")
    member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
    name = CharField()
    membership = CharField(null=True)
    exempt = BooleanField(default=False)
    present = BooleanField(default=True)
    absence_reason = CharField(default="")

    class Meta:
        table_name = "meeting_attendance"


class MeetingResolution(BaseModel):
    meeting = ForeignKeyField(Meeting, on_delete="CASCADE", backref="+")
    kind = CharField()  # nghị quyết / kết luận
    number = CharField(default="")
    date = DateField()
    text = TextField()
    votes_for = IntegerField(null=True)
    votes_against = IntegerField(null=True)
    abstentions = IntegerField(null=True)

    class Meta:
        table_name = "meeting_resolution"


class MeetingFile(BaseModel):
    meeting = ForeignKeyField(Meeting, on_delete="CASCADE", backref="+")
    original_name = CharField()
    stored_name = CharField()  # inside the attachments folder beside the database
    size = IntegerField()
    sha256 = CharField()
    added_at = DateTimeField(default=datetime.now)

    class Meta:
        table_name = "meeting_file"
