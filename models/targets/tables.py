"""The table of the main targets (chỉ tiêu chủ yếu) of a year or of a congress term.
The schema itself is built by models/migrations."""


from peewee import CharField, DateTimeField, FloatField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel


class MainTarget(BaseModel):
    year_from = IntegerField(index=True)
    year_to = IntegerField(index=True)  # the same year for a year's target; the term's last for a term's
    position = IntegerField(default=0)
    wording = TextField()  # as the resolution words it
    short_name = CharField()  # "kết nạp đảng viên mới", as a sentence names it
    measure = CharField()  # vocab.MEASURES
    comparator = CharField()  # vocab.COMPARATORS
    threshold = FloatField()
    threshold_high = FloatField(null=True)  # the top of a range ("15–20%")
    result = FloatField(null=True)  # typed by the clerk for a measure the records cannot give
    source = TextField(default="")  # where a typed result comes from
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "main_target"
