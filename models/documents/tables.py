"""Tables of the register of outgoing documents and of the report drafts.
The schema itself is built by models/migrations."""


from peewee import CharField, DateField, DateTimeField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel


class OutgoingDocument(BaseModel):
    type_code = CharField(index=True)
    number = IntegerField()
    issued_on = DateField(index=True)
    title = CharField()
    created_at = DateTimeField(default=clock.now)
    source = CharField(default="", index=True)  # the record it was printed from ("su-kien:12")
    file_path = CharField(default="")  # where the issued file was written
    issuer = CharField(default="")  # "" the standing committee; "UBKT" the inspection commission

    class Meta:
        table_name = "outgoing_document"


class ReportDraft(BaseModel):
    kind = CharField()
    year = IntegerField()
    sections = TextField()
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "report_draft"


class DocumentTemplate(BaseModel):
    """The office's wording of one kind of document; every change is a new version."""

    kind = CharField()
    version = IntegerField()
    grounds = TextField()
    articles = TextField()
    recipients = TextField()
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "document_template"
