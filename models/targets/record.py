"""Entering the main targets of a year or a congress term: the bloc's own, so only accounts
not limited to some organisations write them; every change is audited."""

from models.accounts import session
from models.accounts.audit import log_delete, log_insert, save_changes
from models.admissions.targets import progress, set_target
from models.core.checks import stored_record, whole_number, year_in
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean, clean_multiline
from models.targets.tables import MainTarget
from models.targets.vocab import ADMISSIONS, COMPARATORS, MANUAL, MEASURES, RANGE, SHARE

FIELDS = ("year_from", "year_to", "position", "wording", "short_name", "measure", "comparator", "threshold",
          "threshold_high", "result", "source")


def _require_bloc() -> None:
    session.require_whole_bloc(session.WRITE_RECORDS, "Chỉ tiêu chủ yếu của Đảng bộ Khối")


def _number(value, field: str, label: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        raise ValidationError(field, f"{label} phải là một số.") from None
    if not 0 <= number <= 10_000_000:
        raise ValidationError(field, f"{label} không hợp lý.")
    return number


def validated(fields: dict) -> dict:
    values = {key: fields.get(key) for key in FIELDS}
    values["year_from"] = year_in(values["year_from"], "year_from", "Năm đầu", 1990, 2100)
    last = values["year_to"] or values["year_from"]
    values["year_to"] = year_in(last, "year_to", "Năm cuối", 1990, 2100)
    if values["year_to"] < values["year_from"]:
        raise ValidationError("year_to", "Năm cuối ở trước năm đầu.")
    values["position"] = whole_number(values["position"] or 0, "position", "Thứ tự", 0, 999)
    values["wording"] = clean_multiline(values["wording"])
    if not values["wording"]:
        raise ValidationError("wording", "Nhập nội dung chỉ tiêu như nghị quyết ghi.")
    values["short_name"] = clean(values["short_name"])
    if not values["short_name"]:
        raise ValidationError("short_name", "Nhập tên ngắn của chỉ tiêu, ví dụ “kết nạp đảng viên mới”.")
    if values["measure"] not in MEASURES:
        raise ValidationError("measure", "Chọn chỉ tiêu đo bằng gì.")
    if values["comparator"] not in COMPARATORS:
        raise ValidationError("comparator", "Chọn cách so (từ … trở lên, trên …, trong khoảng).")
    values["threshold"] = _number(values["threshold"], "threshold", "Mức chỉ tiêu")
    if values["threshold"] is None:
        raise ValidationError("threshold", "Nhập mức chỉ tiêu.")
    values["threshold_high"] = _number(values["threshold_high"], "threshold_high", "Mức trên")
    if values["comparator"] == RANGE and (values["threshold_high"] is None
                                          or values["threshold_high"] <= values["threshold"]):
        raise ValidationError("threshold_high", "Khoảng cần mức trên lớn hơn mức dưới, ví dụ 15 – 20.")
    if values["comparator"] != RANGE:
        values["threshold_high"] = None
    highest = max(values["threshold"], values["threshold_high"] or 0)
    if MEASURES[values["measure"]][1] == SHARE and highest > 100:
        raise ValidationError("threshold", "Tỷ lệ không quá 100%.")
    values["result"] = _number(values["result"], "result", "Kết quả")
    values["source"] = clean(values["source"])
    if values["measure"] in MANUAL and values["result"] is not None and not values["source"]:
        raise ValidationError("source", "Ghi kết quả lấy từ đâu (báo cáo, biểu thống kê…).")
    if values["measure"] not in MANUAL:
        values["result"], values["source"] = None, ""  # the records give it
    return values


def get_target(target_id: int) -> MainTarget:
    return stored_record(MainTarget, target_id, "chỉ tiêu")


# One fact, one value (reported: the admissions target 30 in the body, the main target 25 in the
# annex of the same report): the number of admissions aimed at for some years is the admissions
# page's target; a main target that measures admissions reads and writes that same record.
def threshold_of(target: MainTarget) -> float:
    if target.measure == ADMISSIONS:
        aim = progress(None, target.year_from, target.year_to).target
        if aim is not None:
            return float(aim)
    return target.threshold


def _share_the_admissions_target(values: dict) -> None:
    if values["measure"] != ADMISSIONS:
        return
    if values["threshold"] != int(values["threshold"]):
        raise ValidationError("threshold", "Số đảng viên kết nạp là một số nguyên.")
    set_target(None, values["year_from"], values["year_to"], int(values["threshold"]))


def create_target(fields: dict) -> MainTarget:
    _require_bloc()
    values = validated(fields)
    with database.atomic():
        _share_the_admissions_target(values)
        target = MainTarget.create(**values)
        log_insert(target)
    return target


def update_target(target_id: int, fields: dict) -> MainTarget:
    _require_bloc()
    values = validated(fields)
    with database.atomic():
        _share_the_admissions_target(values)
        target = get_target(target_id)
        save_changes(target, values, touch=True)
    return target


def delete_target(target_id: int) -> None:
    _require_bloc()
    with database.atomic():
        target = get_target(target_id)
        log_delete(target)
        target.delete_instance()


def targets_for(year: int) -> list[MainTarget]:
    """The year's own targets, then those of the term that covers the year."""
    query = MainTarget.select().where((MainTarget.year_from <= year) & (MainTarget.year_to >= year))
    return sorted(query, key=lambda t: (t.year_from != t.year_to, t.year_from, t.position, t.id))
