"""Members' contact with the Party organisation where they live, and its yearly comments."""

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, Model, TextField


def up(database, migrator):
    class Member(Model):
        class Meta:
            table_name = "member"

    class ResidenceContact(Model):
        member = ForeignKeyField(Member, unique=True, on_delete="CASCADE", backref="+")
        residence_org = CharField()
        residence_cell = CharField()
        introduced_on = DateField(null=True)
        exemption = CharField()
        note = TextField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "residence_contact"

    class ResidenceComment(Model):
        member = ForeignKeyField(Member, on_delete="CASCADE", backref="+")
        year = IntegerField(index=True)
        result = CharField()
        note = TextField()
        received_on = DateField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "residence_comment"
            indexes = ((("member", "year"), True),)

    tables = [ResidenceContact, ResidenceComment]
    with database.bind_ctx(tables):
        database.create_tables(tables)
