"""A request out to the grassroots organisations and back, by Excel: one workbook per
organisation, prefilled with what the bloc already knows of it, carrying the request's
identity and a checksum of its frame; a filled workbook read back and checked, writing nothing.

The checksum binds this database, the request, the organisation and the form's lines, so a
workbook from another request, another organisation, another office's file or with its lines
edited is recognised and refused — by mistake is the usual way (a clerk sends last quarter's
file, or a neighbour's), and the message says which."""

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection

from models.accounts import session
from models.accounts.anchor import database_identity
from models.core import clock
from models.core.checks import amount, whole_number
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.core.excel import keep_as_text
from models.core.files import write_in_place
from models.core.text import checked_multiline, file_safe
from models.core.workbook import UNCOMPUTED_ADVICE, read_sheets, uncomputed_formulas
from models.members.columns import text_value
from models.orgs.tree import full_names, scope_ids
from models.returns import vocab as r
from models.returns.forms import FormLine
from models.returns.known import known_figures
from models.returns.requests import addressees, form_of, get_request
from models.returns.tables import ReturnRequest

SHEET = "Báo cáo"
KEY_LINE = re.compile(r"Mã yêu cầu:\s*(\d+)\s*[—-]\s*Mã tổ chức:\s*(\d+)\s*[—-]\s*Mã khung:\s*([0-9a-f]{16})")
HEADERS = ["STT", "Chỉ tiêu", "Số liệu của tổ chức", "Đơn vị", "Mã dòng"]
FIRST_ROW = 7  # rows 1–5 the title block, row 6 the headings
MAX_MONEY = 10**13
MAX_COUNT = 1_000_000
TEXT_LIMIT = 4_000


def frame_checksum(request: ReturnRequest, org_id: int) -> str:
    frame = [database_identity() or "", request.id, org_id, json.loads(request.form)]
    return hashlib.sha256(json.dumps(frame, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def workbook_name(request: ReturnRequest, org_id: int, org_name: str) -> str:
    return f"yc{request.id}-{file_safe(request.title)}-{file_safe(org_name)}-{org_id}.xlsx"


def _unit(kind: str) -> str:
    return {r.COUNT: "", r.MONEY: "đồng", r.TEXT: "lời văn"}[kind]


def export_request_workbooks(request_id: int, folder: Path, on_progress=None) -> list[Path]:
    """One workbook per organisation asked that the account may work on."""
    session.require(session.READ_RECORDS)
    request = get_request(request_id)
    allowed = scope_ids()
    orgs = [org_id for org_id in addressees(request.id) if allowed is None or org_id in allowed]
    names = full_names()
    counted_to = min(request.period_end, clock.today())
    known = known_figures(request.period_start, counted_to) if counted_to >= request.period_start else {}
    form = form_of(request)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for done, org_id in enumerate(orgs, 1):
        path = folder / workbook_name(request, org_id, names.get(org_id, ""))
        book = _workbook(request, org_id, names.get(org_id, ""), form, known.get(org_id, {}), counted_to)
        write_in_place(path, book.save)
        written.append(path)
        if on_progress is not None:
            on_progress(done, len(orgs))
    return written


def _workbook(request, org_id: int, org_name: str, form: list[FormLine], known: dict, counted_to: date):
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([request.title.upper()])
    sheet.append([org_name])
    sheet.append([f"Mã yêu cầu: {request.id} — Mã tổ chức: {org_id} — Mã khung: "
                  f"{frame_checksum(request, org_id)} (xin giữ nguyên dòng này)"])
    sheet.append([f"Kỳ báo cáo: từ {fmt_date(request.period_start)} đến {fmt_date(request.period_end)}. "
                  f"Hạn gửi: {fmt_date(request.due_on)}."])
    sheet.append([f"Các số liệu đã điền sẵn theo hồ sơ Đảng ủy Khối có đến ngày {fmt_date(counted_to)}; "
                  "xin kiểm tra, sửa cho đúng và điền các dòng còn trống. Chỉ điền vào cột C."])
    sheet.append(HEADERS)
    for cell in sheet[6]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet["A1"].font = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF8DC")
    for number, line in enumerate(form, 1):
        value = known.get(line.key) if line.key in r.CHECKED else None
        sheet.append([number, line.label, value, _unit(line.kind), line.key])
        row = sheet.max_row
        entry = sheet.cell(row=row, column=3)
        entry.fill = fill
        entry.protection = Protection(locked=False)
        if line.kind == r.TEXT:
            entry.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.row_dimensions[row].height = 60
        else:
            entry.number_format = "#,##0"
    for column, width in zip("ABCDE", (5, 44, 40, 9, 22), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.column_dimensions["E"].hidden = True
    sheet.freeze_panes = "A7"
    # The frame is locked (no password: the aim is to stop slips, not people); column C is open.
    sheet.protection.sheet = True
    keep_as_text(sheet)
    return book


@dataclass
class ReturnFile:
    path: Path
    request_id: int
    org_id: int
    org_name: str
    figures: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _refuse(path: Path, message: str) -> ValidationError:
    return ValidationError("file", f"{path.name}: {message}")


def read_return_workbook(path: Path, request_id: int | None = None) -> ReturnFile:
    """A filled workbook read back. A file that is not this program's form for an organisation
    asked by the request is refused whole; a figure that cannot be read is listed in
    `problems`. Nothing is written."""
    path = Path(path)
    sheets = {sheet.title: sheet.rows for sheet in read_sheets(path)}
    if SHEET not in sheets:
        raise _refuse(path, f"không phải mẫu báo cáo do chương trình xuất ra (thiếu trang “{SHEET}”).")
    rows = sheets[SHEET]
    match = KEY_LINE.search(text_value(rows[2][0] if len(rows) > 2 and rows[2] else None))
    if not match:
        raise _refuse(path, "dòng “Mã yêu cầu … Mã khung” ở ô A3 đã bị sửa hoặc xóa, hoặc đây không phải mẫu "
                            "báo cáo do chương trình xuất ra.")
    file_request, org_id, checksum = int(match[1]), int(match[2]), match[3]
    if request_id is not None and file_request != request_id:
        raise _refuse(path, f"là mẫu của yêu cầu số {file_request}, không phải của yêu cầu đang nhận "
                            f"({get_request(request_id).title}).")
    request = ReturnRequest.get_or_none(ReturnRequest.id == file_request)
    if request is None:
        raise _refuse(path, "là mẫu của một yêu cầu không có trong dữ liệu này (của cơ quan khác, hoặc yêu "
                            "cầu đã bị xóa).")
    names = full_names()
    if org_id not in addressees(request.id):
        raise _refuse(path, f"mã tổ chức {org_id} không nằm trong danh sách được yêu cầu “{request.title}”.")
    if checksum != frame_checksum(request, org_id):
        raise _refuse(path, f"mã khung không khớp với mẫu đã gửi cho {names.get(org_id, org_id)}: tệp đã bị "
                            "sửa dòng nhận diện, hoặc là mẫu của tổ chức khác hay của cơ quan khác. Hãy dùng "
                            "đúng tệp đã nhận.")
    allowed = scope_ids()
    if allowed is not None and org_id not in allowed:
        raise _refuse(path, f"là báo cáo của {names.get(org_id, org_id)}, tổ chức tài khoản này không được "
                            "giao.")
    result = ReturnFile(path, request.id, org_id, names.get(org_id, ""))
    form = form_of(request)
    lines = [list(row) + [None] * (5 - len(row)) for row in rows[FIRST_ROW - 1:]]
    lines = [row for row in lines if any(text_value(cell) for cell in row[:5])]
    if len(lines) != len(form):
        raise _refuse(path, f"khung mẫu đã bị sửa: có {len(lines)} dòng chỉ tiêu, mẫu gửi đi có {len(form)}. "
                            "Hãy điền lại vào tệp gốc.")
    blank = []  # (row, label) of the figures left empty
    for number, (row, line) in enumerate(zip(lines, form, strict=True), FIRST_ROW):
        if text_value(row[4]) != line.key or text_value(row[1]) != line.label:
            raise _refuse(path, f"khung mẫu đã bị sửa ở dòng {number} (“{text_value(row[1])[:60]}”, mẫu gửi "
                                f"đi là “{line.label}”). Hãy điền lại vào tệp gốc.")
        value = row[2]
        try:
            if line.kind == r.TEXT:
                words = value if isinstance(value, str) else text_value(value)  # a number typed as words
                result.figures[line.key] = checked_multiline(words, line.key, line.label, TEXT_LIMIT)
            elif text_value(value) == "":
                blank.append((number, line.label))
            else:
                result.figures[line.key] = (
                    amount(value, line.key, line.label, MAX_MONEY) if line.kind == r.MONEY
                    else whole_number(value, line.key, line.label, 0, MAX_COUNT))
        except ValidationError as error:
            result.problems.append(f"Dòng {number}: {error.message}")
    formulas = uncomputed_formulas(path, SHEET, {f"C{number}" for number, _label in blank})
    for number, label in blank:
        result.problems.append(f"Dòng {number} ({label}): "
                               + (UNCOMPUTED_ADVICE if f"C{number}" in formulas else "chưa điền."))
    result.problems += _parts_above_their_whole(result.figures, form)
    return result


# A "trong đó" line and the line it is part of: a part above its whole is a slip of the
# grassroots clerk, sent back rather than taken in (dues remitted may exceed those collected in a
# quarter that also pays arrears, so they are not a pair).
PARTS = ((r.PROBATIONARY, r.HEADCOUNT),)


def _parts_above_their_whole(figures: dict, form) -> list[str]:
    rows = {line.key: (number, line.label) for number, line in enumerate(form, FIRST_ROW)}
    said = []
    for part, whole in PARTS:
        if part in figures and whole in figures and figures[part] > figures[whole]:
            (number, label), (whole_row, whole_label) = rows[part], rows[whole]
            said.append(f"Dòng {number} ({label}): {figures[part]}, nhiều hơn dòng {whole_row} "
                        f"({whole_label.lower()}: {figures[whole]}).")
    return said
