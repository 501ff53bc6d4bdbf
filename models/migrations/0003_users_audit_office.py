"""Users and their organisation limits, the audit trail, and the office's own details."""

from peewee import (
    BooleanField,
    CharField,
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

    class AppUser(Model):
        username = CharField(unique=True)
        full_name = CharField()
        role = CharField()
        password_hash = CharField()
        failed_attempts = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        active = BooleanField(default=True)
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            table_name = "app_user"

    class UserOrg(Model):
        user = ForeignKeyField(AppUser, on_delete="CASCADE")
        org = ForeignKeyField(PartyOrg, on_delete="RESTRICT")

        class Meta:
            table_name = "user_org"
            indexes = ((("user", "org"), True),)

    class AuditEntry(Model):
        at = DateTimeField(index=True)
        user_id = IntegerField(null=True, index=True)
        username = CharField()
        action = CharField()
        table_name = CharField(index=True)
        record_id = CharField(index=True)
        old_values = TextField(null=True)
        new_values = TextField(null=True)
        prev_hash = CharField()
        hash = CharField()

        class Meta:
            table_name = "audit_entry"

    class OfficeSetting(Model):
        key = CharField(primary_key=True)
        value = TextField()

        class Meta:
            table_name = "office_setting"

    tables = [AppUser, UserOrg, AuditEntry, OfficeSetting]
    with database.bind_ctx(tables + [PartyOrg]):
        database.create_tables(tables)
