"""Tables of the bloc's reporting system: what the office asks for, of whom, and what each
grassroots organisation sent back. The schema itself is built by models/migrations."""

from peewee import BlobField, CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel
from models.orgs.tables import PartyOrg


class ReturnRequest(BaseModel):
    kind = CharField()  # vocab.KINDS
    year = IntegerField(index=True)
    period = IntegerField(default=0)  # month 1–12, quarter 1–4; 0 for a half-year, year or ad hoc
    title = CharField()  # "Báo cáo quý III năm 2026"
    period_start = DateField()
    period_end = DateField()
    issued_on = DateField()
    due_on = DateField()
    form = TextField()  # JSON: [[key, label, line kind], …] as sent out
    note = TextField(default="")
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "return_request"


class ReturnAddressee(BaseModel):
    """An organisation the request was sent to."""

    request = ForeignKeyField(ReturnRequest, on_delete="CASCADE", backref="+")
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")

    class Meta:
        table_name = "return_addressee"
        indexes = ((("request", "org"), True),)


class GrassrootsReturn(BaseModel):
    """What one organisation sent for one request; sent again after being sent back, it is the
    same row with the new figures (the trail keeps the earlier ones)."""

    request = ForeignKeyField(ReturnRequest, on_delete="CASCADE", backref="+")
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
    received_on = DateField()
    figures = TextField()  # JSON {key: number or text}
    state = CharField()  # vocab.STATES
    decision_note = TextField(default="")  # why sent back, or a remark on acceptance
    source_name = CharField(default="")  # the workbook's file name as received
    report_name = CharField(default="")  # the attached report (PDF or DOCX), if any
    report_size = IntegerField(default=0)
    report_sha256 = CharField(default="")
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "grassroots_return"
        indexes = ((("request", "org"), True),)


class ReturnReportContent(BaseModel):
    """An attached report's bytes, kept in the database on either engine (a return travels with
    its backup). Not audited itself: each is checked against the sha256 its audited return
    records."""

    sha256 = CharField(unique=True)
    content = BlobField()

    class Meta:
        table_name = "return_report_content"
