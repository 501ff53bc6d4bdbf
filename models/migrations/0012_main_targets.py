"""The main targets (chỉ tiêu chủ yếu) of a year or a congress term."""

from peewee import CharField, DateTimeField, FloatField, IntegerField, Model, TextField


def up(database, migrator):
    class MainTarget(Model):
        year_from = IntegerField(index=True)
        year_to = IntegerField(index=True)
        position = IntegerField()
        wording = TextField()
        short_name = CharField()
        measure = CharField()
        comparator = CharField()
        threshold = FloatField()
        threshold_high = FloatField(null=True)
        result = FloatField(null=True)
        source = TextField()
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "main_target"

    with database.bind_ctx([MainTarget]):
        database.create_tables([MainTarget])
