"""Reading a workbook that came from outside, within limits.

An .xlsx is a zip: its size on disk says nothing of what it unpacks to (a 1 MB file can hold
a 1 GB cell). The zip directory lists every part's unpacked size, so a workbook too large to
read is refused from it, before a byte is parsed. Reading then streams the visible sheets with
a bound on rows, columns and the length of a cell, and spreads a cell merged down a column
(a Chi bộ written once over its members) to every row under it.
"""

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum
from xlsxwriter.utility import xl_col_to_name  # the column's letters; openpyxl's is 60 ms to load

from models.core.errors import ValidationError, not_a_file

MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_UNPACKED_BYTES = 250 * 1024 * 1024  # a 100,000-member list unpacks to well under half of it
MAX_SHARED_STRINGS_BYTES = 40 * 1024 * 1024  # read whole into memory, unlike the sheets
MAX_PARTS = 2_000
MAX_ROWS = 200_000
MAX_COLUMNS = 60  # read; a list needs twenty
MAX_READ_COLUMNS = 1_000  # beyond this a sheet is refused, not read (each row would be that wide)
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and the old .xls share it
ZIP_MAGIC = b"PK\x03\x04"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f}".replace(",", ".")


def _damaged(path: Path) -> ValidationError:
    # The reader's own words (English, about zip records) tell a clerk nothing; what happened
    # is nearly always a copy cut short or a file saved badly by another program.
    return ValidationError("file", f"Tệp {path.name} bị hỏng hoặc chép chưa trọn (chẳng hạn rút USB khi "
                                   "đang chép): hãy chép lại từ bản gốc, hoặc mở bằng Excel rồi lưu lại.")


def check_package(path: Path) -> None:
    """Refuse what is not a readable .xlsx, or what would unpack too large, with a message."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file", not_a_file(path))
    size = path.stat().st_size
    if size == 0:
        raise ValidationError("file", f"Tệp {path.name} trống.")
    if size > MAX_FILE_BYTES:
        raise ValidationError("file", f"Tệp {path.name} lớn quá {_mb(MAX_FILE_BYTES)} MB; hãy tách thành "
                                      "nhiều tệp.")
    with path.open("rb") as handle:
        magic = handle.read(8)
    if magic == OLE_MAGIC:
        raise ValidationError("file", f"Tệp {path.name} được đặt mật khẩu hoặc là định dạng Excel cũ (.xls): "
                                      "hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx.")
    if not magic.startswith(ZIP_MAGIC):
        raise ValidationError("file", f"Tệp {path.name} không phải bảng tính Excel (.xlsx) hay LibreOffice "
                                      "(.ods).")
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _damaged(path) from error
    unpacked = sum(part.file_size for part in parts)
    shared = sum(part.file_size for part in parts if part.filename.lower().endswith("sharedstrings.xml"))
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or shared > MAX_SHARED_STRINGS_BYTES:
        raise ValidationError("file", f"Tệp {path.name} khi giải nén lên tới {_mb(unpacked)} MB — lớn bất "
                                      "thường so với một danh sách; chương trình không đọc tệp này. Hãy mở "
                                      "bằng Excel, chép riêng phần danh sách sang tệp mới rồi nhập tệp đó.")


@dataclass(frozen=True)
class Sheet:
    title: str
    rows: list[list]  # from row 1 and column A, an empty cell as None
    merges: list[tuple[int, int, int]]  # (column, first row, last row), 1-based, down one column


def read_sheets(path: Path) -> list[Sheet]:
    """The visible sheets of a workbook, once check_package() has let it through. Read with
    calamine (a Rust reader: a 30,000-row list in under a second, where openpyxl takes 12 s);
    rows, columns and cell lengths are held to the limits above."""
    path = Path(path)
    check_package(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as error:
        raise _damaged(path) from error
    try:
        return [_sheet(workbook, meta.name, path) for meta in workbook.sheets_metadata
                if meta.visible == SheetVisibleEnum.Visible and meta.typ == SheetTypeEnum.WorkSheet]
    except CalamineError as error:
        raise _damaged(path) from error
    finally:
        workbook.close()


def _sheet(workbook, title: str, path: Path) -> Sheet:
    sheet = workbook.get_sheet_by_name(title)
    if sheet.total_height > MAX_ROWS:
        raise ValidationError("file", f"Trang “{title}” có hơn {MAX_ROWS:,} dòng; hãy tách thành nhiều "
                                      "tệp.".replace(",", "."))
    if sheet.total_width > MAX_READ_COLUMNS:
        far = xl_col_to_name(sheet.total_width - 1)
        raise ValidationError("file", f"Trang “{title}” có dữ liệu ở cột {far}, quá xa so với một danh "
                                      "sách; hãy xóa các cột thừa rồi lưu lại.")
    rows = []
    for number, values in enumerate(sheet.iter_rows(), start=1):
        row = [None if value == "" else value for value in values[:MAX_COLUMNS]]
        # The row's texts together first: only a row that long is looked at cell by cell.
        if sum(len(value) for value in row if type(value) is str) > MAX_CELL_CHARS:
            _refuse_long_cell(row, number, title)
        rows.append(row)
    ranges = sheet.merged_cell_ranges  # ((row, column), (row, column)), 0-based
    if ranges is None and path.suffix.lower() == ".ods":
        ranges = _ods_merges(path, title)
    merges = sorted({(first[1] + 1, first[0] + 1, last[0] + 1) for first, last in ranges
                     if first[1] == last[1] and last[0] > first[0]})
    return Sheet(title, rows, merges)


ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODS_CELLS = (f"{ODS_TABLE}table-cell", f"{ODS_TABLE}covered-table-cell")


def _ods_merges(path: Path, title: str) -> list:
    """The merged cells of one sheet of an .ods (LibreOffice Calc's own format), as calamine
    gives them for an .xlsx; its .ods reader gives none, and a list with its Chi bộ merged down
    the column would lose the cell of every member but the first. Streamed from content.xml,
    whose unpacked size check_package() has bounded."""
    try:
        return _spans(path, title)
    except (KeyError, ValueError, ElementTree.ParseError, zipfile.BadZipFile) as error:
        raise _damaged(path) from error


def _spans(path: Path, title: str) -> list:
    ranges, row, column, inside = [], -1, 0, False
    with zipfile.ZipFile(path) as package, package.open("content.xml") as content:
        for event, element in ElementTree.iterparse(content, events=("start", "end")):
            if element.tag == f"{ODS_TABLE}table":
                if inside and event == "end":
                    break
                inside = event == "start" and element.get(f"{ODS_TABLE}name") == title
            elif not inside:
                pass
            elif element.tag == f"{ODS_TABLE}table-row":
                if event == "start":
                    row, column = row + 1, 0
                else:  # a row repeated stands for that many rows, all empty or all alike
                    row += int(element.get(f"{ODS_TABLE}number-rows-repeated", "1")) - 1
                    element.clear()
            elif element.tag in ODS_CELLS and event == "start":
                down = int(element.get(f"{ODS_TABLE}number-rows-spanned", "1"))
                across = int(element.get(f"{ODS_TABLE}number-columns-spanned", "1"))
                if down > 1 or across > 1:
                    ranges.append(((row, column), (row + down - 1, column + across - 1)))
                column += int(element.get(f"{ODS_TABLE}number-columns-repeated", "1"))
    return ranges


def _refuse_long_cell(row: list, number: int, title: str) -> None:
    for column, value in enumerate(row, start=1):
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            place = f"{xl_col_to_name(column - 1)}{number}"
            raise ValidationError("file", f"Ô {place} của trang “{title}” dài quá "
                                          f"{MAX_CELL_CHARS:,} ký tự.".replace(",", "."))


def spread_merges(rows: list[list], merges: list[tuple[int, int, int]], from_row: int) -> None:
    """Copy each column merge's value to the rows under it, for merges starting at `from_row`
    or below (1-based), leaving the headings as they are."""
    for column, first, last in merges:
        if first < from_row or first > len(rows):
            continue
        value = rows[first - 1][column - 1] if column <= len(rows[first - 1]) else None
        for number in range(first + 1, min(last, len(rows)) + 1):
            row = rows[number - 1]
            if column <= len(row) and row[column - 1] is None:
                row[column - 1] = value


_XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


# What a clerk is told of a cell found by uncomputed_formulas.
UNCOMPUTED_ADVICE = ("ô có công thức nhưng không có kết quả (tệp được ghi bằng một chương trình không tính "
                     "công thức); mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại.")


def uncomputed_formulas(path: Path, title: str, places: set[str]) -> set[str]:
    """Of the cells `places` ("C20") of the sheet `title` of an .xlsx that read empty, those that
    hold a formula saved without its result — a workbook written by a script that does not
    compute: every reader, this program's too, sees nothing there. Read from the file's XML (the
    package was checked by read_sheets); anything unexpected finds none."""
    if path.suffix.lower() != ".xlsx" or not places:
        return set()
    found = set()
    try:
        with zipfile.ZipFile(path) as archive:
            book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            ids = [sheet.get(f"{_RELATION}id") for sheet in book.iter(f"{_XLSX}sheet")
                   if sheet.get("name") == title]
            links = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
            target = next((link.get("Target") for link in links if ids and link.get("Id") == ids[0]), None)
            if target is None:
                return set()
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            for _event, element in ElementTree.iterparse(archive.open(part)):
                if element.tag != f"{_XLSX}c":
                    continue
                if element.get("r") in places and element.find(f"{_XLSX}f") is not None \
                        and not (element.findtext(f"{_XLSX}v") or "").strip():
                    found.add(element.get("r"))
                element.clear()
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return set()
    return found
