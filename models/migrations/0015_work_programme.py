"""The committees' work programme: items by month, key tasks, schemes, thematic resolutions."""

from peewee import CharField, DateField, DateTimeField, IntegerField, Model, TextField


def up(database, migrator):
    class WorkItem(Model):
        year_from = IntegerField(index=True)
        year_to = IntegerField(index=True)
        month = IntegerField(null=True)
        body = CharField()
        kind = CharField()
        content = TextField()
        in_charge = CharField()
        carried_out_by = CharField()
        status = CharField()
        done_on = DateField(null=True)
        created_at = DateTimeField()

        class Meta:
            table_name = "work_item"

    with database.bind_ctx([WorkItem]):
        database.create_tables([WorkItem])
