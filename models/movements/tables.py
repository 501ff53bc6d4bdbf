"""Tables of movements and models (phong trào, mô hình, công trình, hội thi) and of the bloc's
socio-political organisations. The schema itself is built by models/migrations."""


from peewee import (
    BigIntegerField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from models.core import clock
from models.core.db import BaseModel
from models.orgs.tables import PartyOrg


class SocialOrg(BaseModel):
    """The bloc's trade union, youth union, veterans' association…: not Party organisations."""

    name = CharField(unique=True)
    dissolved_on = DateField(null=True)

    class Meta:
        table_name = "social_org"


class Movement(BaseModel):
    name = CharField()  # "Dân vận khéo làm theo lời Bác", "Chi bộ 4 Tốt"
    kind = CharField()  # vocab.KINDS
    start_date = DateField()
    end_date = DateField(null=True)
    item_noun = CharField(default="")  # what a replicated model counts: "phòng truyền thống …"
    item_unit = CharField(default="")  # "phòng"
    count_before = IntegerField(default=0)  # built before the records began, carried across years
    note = TextField(default="")
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "movement"


class MovementEntry(BaseModel):
    """An organisation registered for a movement, or a cell chosen for it."""

    movement = ForeignKeyField(Movement, on_delete="CASCADE", backref="entries")
    org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
    social_org = ForeignKeyField(SocialOrg, null=True, on_delete="RESTRICT", backref="+")
    registered_on = DateField()

    class Meta:
        table_name = "movement_entry"


class MovementItem(BaseModel):
    """A mô hình or công trình built under a movement."""

    movement = ForeignKeyField(Movement, on_delete="CASCADE", backref="items")
    kind = CharField()  # vocab.ITEM_KINDS
    name = CharField()
    org = ForeignKeyField(PartyOrg, null=True, on_delete="RESTRICT", backref="+")
    social_org = ForeignKeyField(SocialOrg, null=True, on_delete="RESTRICT", backref="+")
    registered_on = DateField()
    completed_on = DateField(null=True)
    value = BigIntegerField(null=True)  # in đồng

    class Meta:
        table_name = "movement_item"
