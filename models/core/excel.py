"""Writing Excel workbooks: a title block, Vietnamese headings, real dates, identifiers as text.
Every table of the app and the member registry go out through here."""

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from models.core.files import write_in_place
from models.core.text import looks_like_formula

DATE_FORMAT = "DD/MM/YYYY"


def keep_as_text(sheet) -> None:
    """In a sheet written cell by cell: every value openpyxl took for a formula is text again.
    (The app writes no formulas of its own.)"""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"
                cell.number_format = "@"


def _cell(sheet, value, bold: bool = False):
    """Plain values go out as they are (fast); dates get their format; digit strings and text
    that looks like a formula are marked as text, so Excel keeps leading zeros and runs nothing."""
    if value == "":
        return None  # an empty cell is no cell at all: a third of a registry's cells are empty
    risky = isinstance(value, str) and (value.isdigit() or looks_like_formula(value))
    if not bold and not risky and not isinstance(value, date | datetime):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, date | datetime):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str):
        cell.data_type = "s"  # never "f", whatever the text begins with
        cell.number_format = "@"
    if bold:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


HEADINGS_ROW = 4  # title, subtitle, a blank line, then the headings


def write_table(path: Path, title: str, subtitle: str, headers: list[str], rows,
                widths: list[int] | None = None, sheet_title: str = "Danh sách",
                numbered: bool = True) -> Path:
    """One sheet: title, subtitle, a blank line, the headings, then the rows (an iterable, so a
    long registry is streamed), numbered in an STT column unless the rows carry their own; the
    headings stay in view while the list scrolls. Written beside the target, then renamed
    into place (reported: no STT column, no frozen headings)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title[:31])
    if numbered:
        headers, widths = ["STT", *headers], [6, *(widths or [])]
    for index, width in enumerate(widths or [], start=1):
        sheet.column_dimensions[column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADINGS_ROW + 1}"
    sheet.append([_cell(sheet, title, bold=True)])
    sheet.append([_cell(sheet, subtitle)])
    sheet.append([])
    sheet.append([_cell(sheet, header, bold=True) for header in headers])
    for number, row in enumerate(rows, start=1):
        sheet.append([_cell(sheet, value) for value in ([number, *row] if numbered else row)])
    write_in_place(path, workbook.save)
    return Path(path)


def column_letter(index: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
