"""Meetings (DOMAIN §6): conferences, committee sessions and cell meetings, with attendance,
resolutions and attached files."""

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

    class Meeting(Model):
        body = CharField(index=True)
        org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        kind = CharField(index=True)
        number = IntegerField(null=True)
        title = CharField(default="")
        date = DateField(index=True)
        time = CharField(default="")
        place = CharField(default="")
        chairs = TextField(default="")
        secretary = CharField(default="")
        guests = TextField(default="")
        presenters = TextField(default="")
        standing_visitors = TextField(default="")
        agenda = TextField(default="")
        minutes = TextField(default="")
        body_size = IntegerField(null=True)
        search_folded = TextField(default="")
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "meeting"

    class MeetingAttendance(Model):
        meeting = ForeignKeyField(Meeting, on_delete="CASCADE", backref="+")
        member = ForeignKeyField(Member, null=True, on_delete="RESTRICT", backref="+")
        name = CharField()
        membership = CharField(null=True)
        exempt = BooleanField(default=False)
        present = BooleanField(default=True)
        absence_reason = CharField(default="")

        class Meta:
            table_name = "meeting_attendance"

    class MeetingResolution(Model):
        meeting = ForeignKeyField(Meeting, on_delete="CASCADE", backref="+")
        kind = CharField()
        number = CharField(default="")
        date = DateField()
        text = TextField()
        votes_for = IntegerField(null=True)
        votes_against = IntegerField(null=True)
        abstentions = IntegerField(null=True)

        class Meta:
            table_name = "meeting_resolution"

    class MeetingFile(Model):
        meeting = ForeignKeyField(Meeting, on_delete="CASCADE", backref="+")
        original_name = CharField()
        stored_name = CharField()
        size = IntegerField()
        sha256 = CharField()
        added_at = DateTimeField()

        class Meta:
            table_name = "meeting_file"

    tables = [Meeting, MeetingAttendance, MeetingResolution, MeetingFile]
    with database.bind_ctx(tables + [PartyOrg, Member]):
        database.create_tables(tables)
