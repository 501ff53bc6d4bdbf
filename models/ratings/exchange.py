"""The year's rating exchanged with the grassroots organisations by Excel: one workbook per
organisation with its members pre-listed (and a sheet for the totals it may report instead);
the filled workbooks read back, checked like any import, into the ratings."""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from models.accounts import session
from models.core import vocab as v
from models.core.checks import whole_number
from models.core.db import database
from models.core.errors import ValidationError
from models.core.excel import DATE_FORMAT, keep_as_text
from models.core.files import write_in_place
from models.core.text import file_safe, fold
from models.core.workbook import UNCOMPUTED_ADVICE, read_sheets, uncomputed_formulas
from models.members.columns import text_value
from models.members.tables import Member
from models.orgs.tree import grassroots_live_on, org_rows, scope_ids
from models.ratings.grid import TOTAL_FIELDS, grid_rows, rate_members, rating_year, set_totals
from models.ratings.rules import NOT_RATED_REASONS, rules_for

MEMBERS_SHEET, TOTALS_SHEET = "Xếp loại đảng viên", "Số liệu tổng hợp"
KEY_LINE = re.compile(r"Mã tổ chức:\s*(\d+)\s*[—-]\s*Năm:\s*(\d{4})")
HEADERS = ["STT", "Mã hồ sơ", "Họ và tên", "Ngày sinh", "Chi bộ", "Xếp loại", "Điểm", "Chưa đánh giá vì",
           "Nghỉ ốm từ 3 tháng"]
FIRST_ROW = 5  # rows 1–3 the title block, row 4 the headings
SICK_WORDS = {"x", "co", "có", "1", "yes"}


def export_rating_workbooks(year: int, folder: Path) -> list[Path]:
    """One workbook per live grassroots organisation the account may work on."""
    session.require(session.READ_RECORDS)
    rules = rules_for(rating_year(year))  # a year to come: refused before any workbook goes out
    allowed = scope_ids()
    end = date(year, 12, 31)
    orgs = [row for row in grassroots_live_on(end) if allowed is None or row.id in allowed]
    names = {row.id: row.name for row in org_rows()}
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for org in orgs:
        people = grid_rows(year, org.id)
        births = dict(Member.select(Member.id, Member.birth_date)
                      .where(Member.id.in_([p.member_id for p in people])).tuples())
        book = Workbook()
        sheet = book.active
        sheet.title = MEMBERS_SHEET
        sheet.append([f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM {year}"])
        sheet.append([org.name])
        sheet.append([f"Mã tổ chức: {org.id} — Năm: {year} (xin giữ nguyên dòng này)"])
        sheet.append(HEADERS)
        for cell in sheet[4]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        sheet["A1"].font = Font(bold=True)
        for index, person in enumerate(people, 1):
            sheet.append([index, person.member_id, person.full_name, births.get(person.member_id),
                          names.get(person.org_id, ""), rules.member_levels.get(person.level, ""),
                          person.score, NOT_RATED_REASONS.get(person.reason, ""),
                          "x" if person.long_sick_leave else ""])
            sheet.cell(row=sheet.max_row, column=4).number_format = DATE_FORMAT
        last = max(sheet.max_row, FIRST_ROW)
        levels = DataValidation(type="list", formula1='"' + ",".join(rules.member_levels.values()) + '"',
                                allow_blank=True, showErrorMessage=True, errorTitle="Xếp loại",
                                error="Chọn một mức trong danh sách.")
        reasons = DataValidation(type="list", formula1='"' + ",".join(NOT_RATED_REASONS.values()) + '"',
                                 allow_blank=True)
        sheet.add_data_validation(levels)
        sheet.add_data_validation(reasons)
        levels.add(f"F{FIRST_ROW}:F{last}")
        reasons.add(f"H{FIRST_ROW}:H{last}")
        for column, width in zip("ABCDEFGHI", (5, 9, 26, 12, 30, 28, 7, 24, 10), strict=True):
            sheet.column_dimensions[column].width = width
        totals = book.create_sheet(TOTALS_SHEET)
        totals.append(["Chỉ điền trang này nếu tổ chức báo cáo số lượng thay cho danh sách từng người."])
        for key, label in TOTAL_FIELDS.items():
            totals.append([label, None, key])
        totals.column_dimensions["A"].width = 40
        totals.column_dimensions["C"].hidden = True
        path = folder / f"xep-loai-{year}-{file_safe(org.name)}.xlsx"
        keep_as_text(sheet)
        write_in_place(path, book.save)
        written.append(path)
    return written


@dataclass
class RatingReturn:
    path: Path
    org_id: int
    org_name: str
    year: int
    entries: list[tuple] = field(default_factory=list)
    totals: dict[str, int] | None = None
    problems: list[str] = field(default_factory=list)


def _level_code(text: str, levels: dict[str, str]) -> str | None:
    folded = fold(text)
    for position, (code, label) in enumerate(levels.items(), 1):
        if folded in (fold(label), fold(code), str(position)):
            return code
    raise ValidationError("level", f"mức “{text}” không có trong quy định năm này")


def _reason_code(text: str) -> str:
    folded = fold(text)
    for code, label in NOT_RATED_REASONS.items():
        if folded in (fold(label), fold(code)):
            return code
    raise ValidationError("reason", f"lý do “{text}” không có trong danh sách")


def read_rating_workbook(path: Path, year: int) -> RatingReturn:
    """Read a filled workbook back; what cannot be read is listed, nothing is written."""
    path = Path(path)
    sheets = {sheet.title: sheet.rows for sheet in read_sheets(path)}
    if MEMBERS_SHEET not in sheets:
        raise ValidationError("file", f"{path.name} không phải mẫu xếp loại do chương trình xuất ra "
                                      f"(thiếu trang “{MEMBERS_SHEET}”).")
    rows = sheets[MEMBERS_SHEET]
    key_line = rows[2][0] if len(rows) > 2 and rows[2] else None
    match = KEY_LINE.search(text_value(key_line))
    if not match:
        raise ValidationError("file", f"{path.name}: dòng “Mã tổ chức” ở ô A3 đã bị sửa hoặc xóa.")
    org_id, file_year = int(match[1]), int(match[2])
    if file_year != year:
        raise ValidationError("file", f"{path.name} là mẫu xếp loại năm {file_year}, không phải năm {year}.")
    grassroots = {row.id: row for row in org_rows()}
    if org_id not in grassroots or grassroots[org_id].level not in v.GRASSROOTS:
        raise ValidationError("file", f"{path.name}: mã tổ chức {org_id} không có trong cây tổ chức.")
    result = RatingReturn(path, org_id, grassroots[org_id].name, year)
    rules = rules_for(year)
    listed = {row.member_id for row in grid_rows(year, org_id)}
    blank = {}  # a level or score cell read empty: ("F7", row's words)
    for number, cells in enumerate(rows[FIRST_ROW - 1:], start=FIRST_ROW):
        cells = list(cells) + [None] * (9 - len(cells))
        if not any(text_value(c) for c in cells[1:]):
            continue
        try:
            member_id = int(cells[1])
        except (TypeError, ValueError):
            result.problems.append(f"Dòng {number}: ô “Mã hồ sơ” trống hoặc đã bị sửa.")
            continue
        if member_id not in listed:
            result.problems.append(f"Dòng {number}: mã hồ sơ {member_id} không thuộc {result.org_name} "
                                   f"ngày 31/12/{year}.")
            continue
        level_text, reason_text = text_value(cells[5]), text_value(cells[7])
        for column, heading, cell in (("F", "Xếp loại", cells[5]), ("G", "Điểm", cells[6])):
            if not text_value(cell):
                blank[f"{column}{number}"] = f"Dòng {number} ({text_value(cells[2])}), ô “{heading}”"
        try:
            level = _level_code(level_text, rules.member_levels) if level_text else None
            reason = _reason_code(reason_text) if reason_text else None
            score = None
            if text_value(cells[6]):
                score = whole_number(cells[6], "score", "Điểm", 0, 100)
        except ValidationError as error:
            message = error.message
            result.problems.append(f"Dòng {number} ({text_value(cells[2])}): {message}.")
            continue
        sick = fold(text_value(cells[8])) in SICK_WORDS
        result.entries.append((member_id, level, score, reason, sick))
    result.problems += _uncomputed(path, MEMBERS_SHEET, blank)
    if TOTALS_SHEET in sheets:
        _read_totals(path, sheets[TOTALS_SHEET], result)
    return result


def _uncomputed(path: Path, title: str, blank: dict[str, str]) -> list[str]:
    """Of the cells read empty ({"F7": where}), those holding a formula saved without its result:
    named, not taken for a level or total left blank."""
    found = uncomputed_formulas(path, title, set(blank))
    return [f"{blank[place]}: {UNCOMPUTED_ADVICE}" for place in sorted(found, key=lambda p: (int(p[1:]), p))]


def _read_totals(path: Path, rows: list, result: RatingReturn) -> None:
    """The totals an organisation may report instead of a list: all of them or none."""
    totals, blank = {}, {}
    for number, (label, value, key, *_rest) in enumerate((row + [None] * 3 for row in rows[1:]), 2):
        if key not in TOTAL_FIELDS:
            continue
        if not text_value(value):
            blank[f"B{number}"] = f"Trang “{TOTALS_SHEET}”, dòng {number} ({label})"
            continue
        try:
            totals[key] = whole_number(value, key, label, 0, 1_000_000)
        except ValidationError as error:
            result.problems.append(f"Trang “{TOTALS_SHEET}”, {error.message}")
    formulas = _uncomputed(path, TOTALS_SHEET, blank)
    result.problems += formulas
    if totals and not formulas:
        missing = [TOTAL_FIELDS[key] for key in TOTAL_FIELDS if key not in totals]
        if missing:
            result.problems.append(f"Trang “{TOTALS_SHEET}” còn thiếu: {', '.join(missing)}.")
        else:
            result.totals = totals


def apply_rating_return(result: RatingReturn) -> None:
    """The ratings and the totals of one workbook, both or neither."""
    if result.problems:
        raise ValidationError("file", f"{result.path.name} còn {len(result.problems)} lỗi; sửa tệp rồi nhập "
                                      "lại.")
    with database.atomic():
        if result.entries:
            rate_members(result.year, result.entries)  # a row left blank takes the rating away
        if result.totals is not None:
            set_totals(result.year, result.org_id, result.totals)
