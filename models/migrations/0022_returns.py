"""The bloc's reporting system: requests, their addressees, the grassroots returns and the
reports attached to them."""

from peewee import (
    BlobField,
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

    class ReturnRequest(Model):
        kind = CharField()
        year = IntegerField(index=True)
        period = IntegerField()
        title = CharField()
        period_start = DateField()
        period_end = DateField()
        issued_on = DateField()
        due_on = DateField()
        form = TextField()
        note = TextField()
        created_at = DateTimeField()

        class Meta:
            table_name = "return_request"

    class ReturnAddressee(Model):
        request = ForeignKeyField(ReturnRequest, on_delete="CASCADE", backref="+")
        org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")

        class Meta:
            table_name = "return_addressee"
            indexes = ((("request", "org"), True),)

    class GrassrootsReturn(Model):
        request = ForeignKeyField(ReturnRequest, on_delete="CASCADE", backref="+")
        org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
        received_on = DateField()
        figures = TextField()
        state = CharField()
        decision_note = TextField()
        source_name = CharField()
        report_name = CharField()
        report_size = IntegerField()
        report_sha256 = CharField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "grassroots_return"
            indexes = ((("request", "org"), True),)

    class ReturnReportContent(Model):
        sha256 = CharField(unique=True)
        content = BlobField()

        class Meta:
            table_name = "return_report_content"

    tables = [ReturnRequest, ReturnAddressee, GrassrootsReturn, ReturnReportContent]
    with database.bind_ctx(tables):
        database.create_tables(tables)
