"""The contents of attached files, on a server: every workstation reaches them through the
database itself (a file installation keeps them in the folder beside its file, as before)."""

from peewee import BlobField, CharField, Model


def up(database, migrator):
    class MeetingFileContent(Model):
        stored_name = CharField(unique=True)
        content = BlobField()

        class Meta:
            table_name = "meeting_file_content"

    with database.bind_ctx([MeetingFileContent]):
        database.create_tables([MeetingFileContent])
