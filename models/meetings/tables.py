"""Tables of meetings: the meeting, its attendance, resolutions and files.
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
from models.members.tables import Member
from models.orgs.tables import PartyOrg


class Meeting(Versioned):
    body = CharField()  # meeting_vocab.BODIES
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
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "meeting"
        indexes = ((("body", "date"), False),)


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
    added_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "meeting_file"


class MeetingFileContent(BaseModel):
    """An attached file's bytes, on a server (a file installation keeps them beside its file).
    Not audited itself: each is checked against the sha256 its audited meeting_file records."""

    stored_name = CharField(unique=True)
    content = BlobField()

    class Meta:
        table_name = "meeting_file_content"
