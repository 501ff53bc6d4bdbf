"""The office's Party dues books: the shares in force and each grassroots organisation's
quarter."""

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def up(database, migrator):
    class PartyOrg(Model):
        class Meta:
            table_name = "party_org"

    class DuesShare(Model):
        valid_from = DateField(unique=True)
        kept_percent = IntegerField()
        bloc_kept_percent = IntegerField()
        rates = TextField()
        note = TextField()

        class Meta:
            table_name = "dues_share"

    class DuesEntry(Model):
        org = ForeignKeyField(PartyOrg, on_delete="RESTRICT", backref="+")
        year = IntegerField()
        quarter = IntegerField()
        collected = IntegerField()
        remitted = IntegerField()
        remitted_on = DateField(null=True)
        source = CharField()
        note = TextField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "dues_entry"
            indexes = ((("org", "year", "quarter"), True),)

    tables = [DuesShare, DuesEntry]
    with database.bind_ctx(tables):
        database.create_tables(tables)
