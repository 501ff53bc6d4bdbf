"""Tables of members' contact with the Party organisation where they live (Quy định
213-QĐ/TW, Hướng dẫn 33-HD/BTCTW). The schema itself is built by models/migrations."""


from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel
from models.members.tables import Member


class ResidenceContact(BaseModel):
    member = ForeignKeyField(Member, unique=True, on_delete="CASCADE", backref="+")
    residence_org = CharField(default="")  # "Đảng bộ phường Hồng Hải"
    residence_cell = CharField(default="")  # "Chi bộ khu 5"
    introduced_on = DateField(null=True)
    exemption = CharField(default="")  # vocab.EXEMPTIONS; "" when neither exempt
    note = TextField(default="")
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "residence_contact"


class ResidenceComment(BaseModel):
    member = ForeignKeyField(Member, on_delete="CASCADE", backref="+")
    year = IntegerField(index=True)
    result = CharField()  # vocab.RESULTS
    note = TextField(default="")
    received_on = DateField(null=True)
    created_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "residence_comment"
        indexes = ((("member", "year"), True),)
