"""Tables of the register of outgoing documents and of the report drafts.
The schema itself is built by models/migrations."""

from datetime import datetime

from peewee import CharField, DateField, DateTimeField, IntegerField, TextField

from models.core.db import BaseModel


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
