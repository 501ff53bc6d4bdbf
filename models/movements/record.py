"""Entering movements and models: the movement, who registered for it (grassroots
organisations, cells, the bloc's socio-political organisations), its mô hình and công
trình with status and value. The bloc's own records: every write audited."""

from datetime import date

from models.accounts import session
from models.accounts.audit import log_delete, log_insert, save_changes
from models.core.checks import amount, stored_record, whole_number
from models.core.dates import check_plausible
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean, clean_multiline
from models.movements.tables import Movement, MovementEntry, MovementItem, SocialOrg
from models.movements.vocab import ITEM_KINDS, KINDS, REPLICATED
from models.orgs.tree import get_org


def _require_bloc() -> None:
    session.require_whole_bloc(session.WRITE_RECORDS, "Phong trào, mô hình của Đảng bộ Khối")


def create_social_org(name: str) -> SocialOrg:
    _require_bloc()
    name = clean(name)
    if not name:
        raise ValidationError("name", "Nhập tên tổ chức chính trị - xã hội.")
    if SocialOrg.get_or_none(SocialOrg.name == name):
        raise ValidationError("name", f"Đã có “{name}”.")
    with database.atomic():
        row = SocialOrg.create(name=name)
        log_insert(row)
    return row


def social_orgs(on: date | None = None) -> list[SocialOrg]:
    query = SocialOrg.select().order_by(SocialOrg.name)
    return [row for row in query if on is None or row.dissolved_on is None or row.dissolved_on > on]


def _movement_values(fields: dict) -> dict:
    values = {"name": clean(fields.get("name")), "kind": fields.get("kind"),
              "start_date": fields.get("start_date"), "end_date": fields.get("end_date"),
              "item_noun": clean(fields.get("item_noun")), "item_unit": clean(fields.get("item_unit")),
              "note": clean_multiline(fields.get("note"))}
    if not values["name"]:
        raise ValidationError("name", "Nhập tên phong trào, mô hình.")
    if values["kind"] not in KINDS:
        raise ValidationError("kind", "Chọn loại.")
    if values["start_date"] is None:
        raise ValidationError("start_date", "Nhập ngày phát động.")
    check_plausible(values["start_date"], "start_date", "Ngày phát động")
    if values["end_date"] is not None and values["end_date"] < values["start_date"]:
        raise ValidationError("end_date", "Ngày kết thúc ở trước ngày phát động.")
    values["count_before"] = whole_number(fields.get("count_before") or 0, "count_before",
                                          "Số đã có trước", 0, 100_000)
    if values["kind"] == REPLICATED and not (values["item_noun"] and values["item_unit"]):
        raise ValidationError("item_noun", "Mô hình nhân rộng cần tên cái được đếm và đơn vị, ví dụ "
                                           "“phòng truyền thống” – “phòng”.")
    return values


def create_movement(fields: dict) -> Movement:
    _require_bloc()
    values = _movement_values(fields)
    with database.atomic():
        row = Movement.create(**values)
        log_insert(row)
    return row


def update_movement(movement_id: int, fields: dict) -> Movement:
    _require_bloc()
    values = _movement_values(fields)
    with database.atomic():
        row = stored_record(Movement, movement_id, "phong trào")
        save_changes(row, values)
    return row


def delete_movement(movement_id: int) -> None:
    """With its registrations and items, each deletion in the trail."""
    _require_bloc()
    with database.atomic():
        row = stored_record(Movement, movement_id, "phong trào")
        for child in [*row.entries, *row.items]:
            log_delete(child)
            child.delete_instance()
        log_delete(row)
        row.delete_instance()


def _who(org_id: int | None, social_org_id: int | None) -> tuple[int | None, int | None]:
    if (org_id is None) == (social_org_id is None):
        raise ValidationError("org", "Chọn một tổ chức đảng hoặc một tổ chức chính trị - xã hội.")
    if org_id is not None:
        get_org(org_id)
    else:
        stored_record(SocialOrg, social_org_id, "tổ chức chính trị - xã hội")
    return org_id, social_org_id


def register(movement_id: int, registered_on: date | None, org_id: int | None = None,
             social_org_id: int | None = None) -> MovementEntry:
    _require_bloc()
    movement = stored_record(Movement, movement_id, "phong trào")
    org_id, social_org_id = _who(org_id, social_org_id)
    if registered_on is None:
        raise ValidationError("registered_on", "Nhập ngày đăng ký.")
    check_plausible(registered_on, "registered_on", "Ngày đăng ký")
    same = MovementEntry.select().where((MovementEntry.movement == movement.id)
                                        & (MovementEntry.org == org_id if org_id is not None
                                           else MovementEntry.social_org == social_org_id))
    if same.exists():
        raise ValidationError("org", "Tổ chức này đã đăng ký phong trào này.")
    with database.atomic():
        row = MovementEntry.create(movement=movement.id, org=org_id, social_org=social_org_id,
                                   registered_on=registered_on)
        log_insert(row)
    return row


def unregister(entry_id: int) -> None:
    _require_bloc()
    with database.atomic():
        row = stored_record(MovementEntry, entry_id, "đăng ký")
        log_delete(row)
        row.delete_instance()


def _item_values(fields: dict) -> dict:
    org_id, social_org_id = _who(fields.get("org_id"), fields.get("social_org_id"))
    values = {"kind": fields.get("kind"), "name": clean(fields.get("name")), "org": org_id,
              "social_org": social_org_id, "registered_on": fields.get("registered_on"),
              "completed_on": fields.get("completed_on"), "value": fields.get("value")}
    if values["kind"] not in ITEM_KINDS:
        raise ValidationError("kind", "Chọn mô hình hay công trình.")
    if not values["name"]:
        raise ValidationError("name", "Nhập tên mô hình, công trình.")
    if values["registered_on"] is None:
        raise ValidationError("registered_on", "Nhập ngày đăng ký.")
    check_plausible(values["registered_on"], "registered_on", "Ngày đăng ký")
    if values["completed_on"] is not None and values["completed_on"] < values["registered_on"]:
        raise ValidationError("completed_on", "Ngày hoàn thành ở trước ngày đăng ký.")
    if values["value"] not in (None, ""):
        values["value"] = amount(values["value"], "value", "Giá trị (đồng)", 10**14)
    else:
        values["value"] = None
    return values


def add_item(movement_id: int, fields: dict) -> MovementItem:
    _require_bloc()
    movement = stored_record(Movement, movement_id, "phong trào")
    values = _item_values(fields)
    with database.atomic():
        row = MovementItem.create(movement=movement.id, **values)
        log_insert(row)
    return row


def update_item(item_id: int, fields: dict) -> MovementItem:
    _require_bloc()
    values = _item_values(fields)
    with database.atomic():
        row = stored_record(MovementItem, item_id, "mô hình, công trình")
        save_changes(row, values)
    return row


def remove_item(item_id: int) -> None:
    _require_bloc()
    with database.atomic():
        row = stored_record(MovementItem, item_id, "mô hình, công trình")
        log_delete(row)
        row.delete_instance()
