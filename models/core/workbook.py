"""Reading a workbook that came from outside, within limits.

An .xlsx is a zip: its size on disk says nothing of what it unpacks to (a 1 MB file can hold
a 1 GB cell). The zip directory lists every part's unpacked size, so a workbook too large to
read is refused from it, before a byte is parsed. Reading then streams the visible sheets with
a bound on rows, columns and the length of a cell, and spreads a cell merged down a column
(a Chi bộ written once over its members) to every row under it.
"""

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from models.core.errors import ValidationError

MAX_FILE_BYTES = 60 * 1024 * 1024
MAX_UNPACKED_BYTES = 250 * 1024 * 1024  # a 100,000-member list unpacks to well under half of it
MAX_SHARED_STRINGS_BYTES = 40 * 1024 * 1024  # read whole into memory, unlike the sheets
MAX_PARTS = 2_000
MAX_ROWS = 200_000
MAX_COLUMNS = 60
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .xlsx and the old .xls share it
ZIP_MAGIC = b"PK\x03\x04"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f}".replace(",", ".")


def check_package(path: Path) -> None:
    """Refuse what is not a readable .xlsx, or what would unpack too large, with a message."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file", f"Không có tệp {path}.")
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
        raise ValidationError("file", f"Tệp {path.name} không phải bảng tính Excel (.xlsx).")
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ValidationError("file", f"Không đọc được bảng tính {path.name} ({error}).") from None
    unpacked = sum(part.file_size for part in parts)
    shared = sum(part.file_size for part in parts if part.filename.lower().endswith("sharedstrings.xml"))
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or shared > MAX_SHARED_STRINGS_BYTES:
        raise ValidationError("file", f"Tệp {path.name} khi giải nén lên tới {_mb(unpacked)} MB — lớn bất "
                                      "thường so với một danh sách; chương trình không đọc tệp này. Hãy mở "
                                      "bằng Excel, chép riêng phần danh sách sang tệp mới rồi nhập tệp đó.")


def open_workbook(path: Path):
    """The workbook, read-only and streaming, once check_package() has let it through."""
    check_package(path)
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise ValidationError("file", f"Không đọc được bảng tính {Path(path).name} ({error}).") from None


def visible_sheets(workbook) -> list:
    return [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]


def sheet_rows(sheet, first_row: int = 1) -> list[list]:
    """The sheet's rows from `first_row`, as lists of values, within the limits."""
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=first_row, max_col=MAX_COLUMNS, values_only=True),
                                    start=first_row):
        if len(rows) >= MAX_ROWS:
            raise ValidationError("file", f"Trang “{sheet.title}” có hơn {MAX_ROWS:,} dòng; hãy tách thành "
                                          "nhiều tệp.".replace(",", "."))
        for column, value in enumerate(values, start=1):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                place = f"{get_column_letter(column)}{number}"
                raise ValidationError("file", f"Ô {place} của trang “{sheet.title}” dài quá "
                                              f"{MAX_CELL_CHARS:,} ký tự.".replace(",", "."))
        rows.append(list(values))
    return rows


def column_merges(path: Path, sheet) -> list[tuple[int, int, int]]:
    """(column, first row, last row), 1-based, of every merge down a single column, read from
    the sheet's own XML (openpyxl's streaming reader does not give them)."""
    found = []
    tail = b""
    with zipfile.ZipFile(path) as package, package.open(sheet._worksheet_path) as part:
        while chunk := part.read(1 << 20):
            data = tail + chunk
            found += _MERGE.findall(data)
            tail = data[-200:]  # a tag cut in two by the chunk is found whole next time
    merges = set()
    for first_column, first_row, last_column, last_row in found:
        if first_column == last_column and int(last_row) > int(first_row):
            column = sum((ord(c) - 64) * 26 ** i for i, c in enumerate(reversed(first_column.decode())))
            merges.add((column, int(first_row), int(last_row)))
    return sorted(merges)


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
