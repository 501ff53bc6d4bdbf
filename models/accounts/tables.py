"""Tables of the accounts, the office's details and the audit trail.
The schema itself is built by models/migrations."""


from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from models.core import clock
from models.core.db import BaseModel
from models.orgs.tables import PartyOrg


class AppUser(BaseModel):
    username = CharField(unique=True)
    full_name = CharField()
    role = CharField()
    password_hash = CharField()
    failed_attempts = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    active = BooleanField(default=True)
    created_at = DateTimeField(default=clock.now)
    updated_at = DateTimeField(default=clock.now)

    class Meta:
        table_name = "app_user"


class UserOrg(BaseModel):
    user = ForeignKeyField(AppUser, on_delete="CASCADE")
    org = ForeignKeyField(PartyOrg, on_delete="RESTRICT")

    class Meta:
        table_name = "user_org"


class AuditEntry(BaseModel):
    at = DateTimeField(index=True)
    user_id = IntegerField(null=True)
    username = CharField()
    action = CharField()
    table_name = CharField(index=True)
    record_id = CharField(index=True)
    old_values = TextField(null=True)
    new_values = TextField(null=True)
    prev_hash = CharField()
    hash = CharField()
    key_id = CharField(null=True)  # the key that signed it; None: written before entries were signed

    class Meta:
        table_name = "audit_entry"


class OfficeSetting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "office_setting"
