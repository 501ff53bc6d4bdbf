"""The form of a report request: its lines (key, label, kind), checked; and the form the office
sends with its requests — the standard lines unless the office changed them: labels reworded,
lines left out, lines of its own added. Kept as one office setting (in the trail like any
other), read when a request is made; a request keeps the form it went out with, so changing the
form never changes what was asked before. Exchanged as a CSV file that Excel opens, for an
office that prefers to edit it there."""

import json
from dataclasses import dataclass
from pathlib import Path

from models.accounts import session
from models.accounts.audit import log_delete
from models.accounts.office import save_setting
from models.accounts.tables import OfficeSetting
from models.core.db import database
from models.core.errors import ValidationError
from models.core.files import write_in_place
from models.core.text import clean
from models.core.text_tables import read_text_table, text_table_writer
from models.returns import vocab as r

MAX_LINES = 60
LABEL_MAX = 200
FORM_SETTING = "returns_form"
FILE_MAX = 100_000  # bytes: sixty lines of a form are a few kilobytes
HEADERS = ["Mã", "Chỉ tiêu", "Loại"]
_STANDARD_KINDS = {key: kind for key, _label, kind in r.STANDARD_FORM}


@dataclass(frozen=True)
class FormLine:
    key: str
    label: str
    kind: str  # vocab.LINE_KINDS


def standard_form() -> list[FormLine]:
    return [FormLine(*line) for line in r.STANDARD_FORM]


def checked_form(lines: list[FormLine]) -> list[FormLine]:
    if not lines:
        raise ValidationError("form", "Mẫu báo cáo phải có ít nhất một dòng.")
    if len(lines) > MAX_LINES:
        raise ValidationError("form", f"Mẫu báo cáo có nhiều nhất {MAX_LINES} dòng.")
    seen, checked = set(), []
    for number, line in enumerate(lines, 1):
        key, label = clean(line.key), clean(line.label)[:LABEL_MAX]
        if not key or not key.replace("_", "").isalnum() or not key.isascii():
            raise ValidationError("form", f"Dòng {number} của mẫu: mã “{line.key}” chỉ gồm chữ không dấu, số "
                                          "và dấu gạch dưới.")
        if key in seen:
            raise ValidationError("form", f"Dòng {number} của mẫu: mã “{key}” trùng với một dòng trên.")
        if not label:
            raise ValidationError("form", f"Dòng {number} của mẫu: nhập tên chỉ tiêu.")
        if line.kind not in r.LINE_KINDS:
            raise ValidationError("form", f"Dòng {number} của mẫu: loại “{line.kind}” không hợp lệ.")
        seen.add(key)
        checked.append(FormLine(key, label, line.kind))
    return checked


def office_form() -> list[FormLine]:
    row = OfficeSetting.get_or_none(OfficeSetting.key == FORM_SETTING)
    if row is None:
        return standard_form()
    return [FormLine(*line) for line in json.loads(row.value)]


def is_standard() -> bool:
    return OfficeSetting.get_or_none(OfficeSetting.key == FORM_SETTING) is None


def _checked(lines: list[FormLine]) -> list[FormLine]:
    checked = checked_form(lines)
    for number, line in enumerate(checked, 1):
        expected = _STANDARD_KINDS.get(line.key)
        if expected is not None and line.kind != expected:
            raise ValidationError("form", f"Dòng {number} của mẫu: mã “{line.key}” là dòng chuẩn loại "
                                          f"“{r.LINE_KINDS[expected]}”; dòng riêng của cơ quan đặt mã khác.")
    return checked


def save_office_form(lines: list[FormLine]) -> list[FormLine]:
    session.require_whole_bloc(session.WRITE_RECORDS, "Mẫu báo cáo")
    checked = _checked(lines)
    value = json.dumps([[line.key, line.label, line.kind] for line in checked], ensure_ascii=False)
    with database.atomic():
        save_setting(FORM_SETTING, value)
    return checked


def reset_office_form() -> None:
    """Back to the standard form."""
    session.require_whole_bloc(session.WRITE_RECORDS, "Mẫu báo cáo")
    with database.atomic():
        row = OfficeSetting.get_or_none(OfficeSetting.key == FORM_SETTING)
        if row is not None:
            log_delete(row)
            row.delete_instance()


def write_form_file(path: Path) -> Path:
    session.require(session.READ_RECORDS)

    def write(partial: Path) -> None:
        with text_table_writer(partial) as out:
            out.writerow(HEADERS)
            for line in office_form():
                out.writerow([line.key, line.label, r.LINE_KINDS[line.kind]])

    write_in_place(Path(path), write)
    return Path(path)


def read_form_file(path: Path) -> list[FormLine]:
    """The lines of a form file written by write_form_file (and edited); a file that is not one
    is refused in Vietnamese, naming the line at fault."""
    path = Path(path)
    try:
        if path.stat().st_size > FILE_MAX:
            raise ValidationError("file", f"Tệp {path.name} quá lớn cho một mẫu báo cáo.")
        rows = read_text_table(path)
    except UnicodeDecodeError as error:
        raise ValidationError("file", f"Tệp {path.name} không phải tệp CSV mã UTF-8 (hãy lưu bằng "
                                      "“CSV UTF-8”).") from error
    except OSError as error:
        raise ValidationError("file", f"Không đọc được tệp {path.name}.") from error
    if not rows or [cell.strip() for cell in rows[0][:3]] != HEADERS:
        raise ValidationError("file", f"Tệp {path.name} không phải mẫu báo cáo: dòng đầu phải là "
                                      f"“{', '.join(HEADERS)}”.")
    kinds = {label.casefold(): kind for kind, label in r.LINE_KINDS.items()}
    kinds.update({kind: kind for kind in r.LINE_KINDS})
    lines = []
    for number, row in enumerate(rows[1:], 2):
        key, label, kind = (row + ["", "", ""])[:3]
        if kind.strip().casefold() not in kinds:
            raise ValidationError("file", f"Dòng {number} của tệp: loại “{kind.strip()}” không phải "
                                          f"{', '.join(r.LINE_KINDS.values())}.")
        lines.append(FormLine(key.strip(), label, kinds[kind.strip().casefold()]))
    return _checked(lines)
