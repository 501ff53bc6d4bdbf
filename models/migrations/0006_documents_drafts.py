"""The register of outgoing documents (numbers per type within a congress term) and the saved
drafts of reports."""

from peewee import CharField, DateField, DateTimeField, IntegerField, Model, TextField


def up(database, migrator):
    class OutgoingDocument(Model):
        type_code = CharField(index=True)
        number = IntegerField()
        issued_on = DateField(index=True)
        title = CharField()
        created_at = DateTimeField()

        class Meta:
            table_name = "outgoing_document"

    class ReportDraft(Model):
        kind = CharField()
        year = IntegerField()
        sections = TextField()  # JSON: the outline with the clerk's and the computed text
        updated_at = DateTimeField()

        class Meta:
            table_name = "report_draft"
            indexes = ((("kind", "year"), True),)

    tables = [OutgoingDocument, ReportDraft]
    with database.bind_ctx(tables):
        database.create_tables(tables)
