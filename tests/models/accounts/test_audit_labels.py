"""The audit page speaks Vietnamese: every table and column the trail can name has a label."""

import importlib
import pkgutil

import peewee

import models
from models.accounts.audit_browse import FIELD_LABELS, TABLE_LABELS

# Columns the trail never shows a clerk: the trail's own bookkeeping.
UNLOGGED_TABLES = {"audit_entry", "migration", "schema_version", "trail_anchor", "app_lock",
                   "meeting_file_content", "return_report_content"}


def _tables() -> list[type[peewee.Model]]:
    found = []
    for module in pkgutil.walk_packages(models.__path__, "models."):
        if module.name.endswith(".tables"):
            for value in vars(importlib.import_module(module.name)).values():
                if isinstance(value, type) and issubclass(value, peewee.Model) and value._meta.table_name \
                        and value.__module__ == module.name:
                    found.append(value)
    return found


def test_every_table_and_column_has_a_vietnamese_label():
    missing = []
    for table in _tables():
        name = table._meta.table_name
        if name in UNLOGGED_TABLES:
            continue
        if name not in TABLE_LABELS:
            missing.append(name)
        for field in table._meta.sorted_fields:
            if field.column_name != "id" and field.column_name not in FIELD_LABELS:
                missing.append(f"{name}.{field.column_name}")
    assert missing == []


def test_an_office_detail_is_named_as_the_form_names_it():
    """Reported: the audit page showed "signer_name"."""
    from datetime import datetime

    from models.accounts.audit_browse import AuditRow

    row = AuditRow(1, datetime(2026, 1, 1), "quantri", "UPDATE", "office_setting", "signer_name", None, None)
    assert (row.table_label, row.record_label) == ("Thông tin cơ quan", "Người ký")


def test_a_column_is_named_for_its_table():
    """Reported: `check` named a resolution's and a movement's kind "Loại biến động", and a
    meeting's organisation "Chi bộ" when it may be a đảng bộ."""
    from models.accounts.audit_browse import field_label

    assert field_label("member_event", "kind") == "Loại biến động"
    assert field_label("meeting_resolution", "kind") == "Nghị quyết hay kết luận"
    assert field_label("movement", "kind") == "Loại phong trào"
    assert field_label("meeting", "org_id") == "Tổ chức đảng (mã)"
    assert field_label("member", "org_id") == "Chi bộ (mã)"
