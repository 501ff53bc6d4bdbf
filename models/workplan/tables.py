"""The table of the committees' work programme: programme items, key tasks, schemes and
thematic resolutions (DOMAIN §10). The schema itself is built by models/migrations."""


from peewee import CharField, DateField, DateTimeField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel


class WorkItem(BaseModel):
    year_from = IntegerField(index=True)
    year_to = IntegerField(index=True)  # the same year, or the term's last for the term programme
    month = IntegerField(null=True)  # when the programme puts it; none for a task of the whole year
    body = CharField()  # vocab.BODIES
    kind = CharField()  # vocab.KINDS
    content = TextField()
    in_charge = CharField(default="")  # "Ban Tổ chức Đảng ủy chủ trì"
    carried_out_by = CharField(default="")  # the document that carried it out
    status = CharField()  # vocab.STATUSES
    done_on = DateField(null=True)
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "work_item"
