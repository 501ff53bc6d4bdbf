"""The documents printed from records (decisions, letters, lists): each issued one remembers
the record it came from and its file; the office's templates of their wording, versioned."""

from peewee import CharField, DateTimeField, IntegerField, Model, TextField
from playhouse.migrate import migrate as run


def up(database, migrator):
    run(migrator.add_column("outgoing_document", "source", CharField(default="")),
        migrator.add_column("outgoing_document", "file_path", CharField(default="")),
        migrator.add_index("outgoing_document", ("source",), False))

    class DocumentTemplate(Model):
        kind = CharField()
        version = IntegerField()
        grounds = TextField()  # "- Căn cứ …", one per line
        articles = TextField()  # "Điều 1. …", one per line, with {placeholders}
        recipients = TextField()  # one per line
        created_at = DateTimeField()

        class Meta:
            table_name = "document_template"
            indexes = ((("kind", "version"), True),)

    with database.bind_ctx([DocumentTemplate]):
        database.create_tables([DocumentTemplate])
