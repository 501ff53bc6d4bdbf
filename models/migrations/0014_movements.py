"""Movements and models, who registered for them, their items; the bloc's socio-political
organisations."""

from peewee import (
    BigIntegerField,
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

    class SocialOrg(Model):
        name = CharField(unique=True)
        dissolved_on = DateField(null=True)

        class Meta:
            table_name = "social_org"

    class Movement(Model):
        name = CharField()
        kind = CharField()
        start_date = DateField()
        end_date = DateField(null=True)
        item_noun = CharField()
        item_unit = CharField()
        count_before = IntegerField()
        note = TextField()
        created_at = DateTimeField()

        class Meta:
            table_name = "movement"

    class MovementEntry(Model):
        movement = ForeignKeyField(Movement, on_delete="CASCADE", backref="+")
        org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        social_org = ForeignKeyField(SocialOrg, null=True, on_delete="RESTRICT", backref="+")
        registered_on = DateField()

        class Meta:
            table_name = "movement_entry"

    class MovementItem(Model):
        movement = ForeignKeyField(Movement, on_delete="CASCADE", backref="+")
        kind = CharField()
        name = CharField()
        org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
        social_org = ForeignKeyField(SocialOrg, null=True, on_delete="RESTRICT", backref="+")
        registered_on = DateField()
        completed_on = DateField(null=True)
        value = BigIntegerField(null=True)

        class Meta:
            table_name = "movement_item"

    tables = [SocialOrg, Movement, MovementEntry, MovementItem]
    with database.bind_ctx(tables):
        database.create_tables(tables)
