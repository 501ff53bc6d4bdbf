"""Numbered schema migrations, run at every start-up. An old file is upgraded, never rebuilt.

Each module NNNN_name.py in this folder defines `up(database, migrator)`. Applied ones are
recorded in the table `schema_migration`; each runs in its own transaction.
"""

import importlib
import pkgutil
import re

from peewee import CharField, DateTimeField, Model
from playhouse.migrate import SchemaMigrator

from models.core import clock

_NAME = re.compile(r"^(\d{4})_\w+$")


class SchemaMigration(Model):
    name = CharField(primary_key=True)
    applied_at = DateTimeField()

    class Meta:
        table_name = "schema_migration"


def available() -> list[str]:
    # Through the import system, not the folder: a frozen build keeps these modules in its
    # archive, where there is no folder to list.
    return sorted(name for _finder, name, _package in pkgutil.iter_modules(__path__) if _NAME.match(name))


def newer_schema(done: set[str], named: str) -> str:
    """Why a database set up by a newer version of the program is refused (`named`: "Tệp X",
    "Cơ sở dữ liệu X trên …"); empty when this program knows every migration it had."""
    unknown = done - set(available())
    if not unknown:
        return ""
    return (f"{named} được tạo bởi phiên bản Đảng vụ mới hơn (cấu trúc {max(unknown)}); hãy cập nhật "
            "chương trình trước khi mở.")


def applied(database) -> set[str]:
    with database.bind_ctx([SchemaMigration]):
        return {row.name for row in SchemaMigration.select()}


def migrate(database) -> list[str]:
    """Apply the migrations this file lacks; return their names."""
    with database.bind_ctx([SchemaMigration]):
        if not database.table_exists(SchemaMigration._meta.table_name):
            # Asked first: on a server the workstations' account may not even try to create one.
            database.create_tables([SchemaMigration], safe=True)
        done = {row.name for row in SchemaMigration.select()}
        newly = []
        for name in available():
            if name in done:
                continue
            module = importlib.import_module(f"{__name__}.{name}")
            with database.atomic():
                module.up(database, SchemaMigrator.from_database(database))
                SchemaMigration.create(name=name, applied_at=clock.now())
            newly.append(name)
        return newly
