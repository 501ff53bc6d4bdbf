"""A workbook saved again as OpenDocument (.ods), as LibreOffice Calc saves it by default: the
smallest package a reader takes (mimetype stored first, a manifest, content.xml), with merged
cells written as Calc writes them (spans on the first cell, covered cells after it), so the
tests need no LibreOffice."""

import zipfile
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import load_workbook

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def _cell(value, span: str) -> str:
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, date | datetime):
        day = value.date() if isinstance(value, datetime) else value
        kind = f'office:value-type="date" office:date-value="{day.isoformat()}"'
        text = day.strftime("%d/%m/%Y")
    elif isinstance(value, int | float) and not isinstance(value, bool):
        kind, text = f'office:value-type="float" office:value="{value}"', str(value)
    else:
        kind, text = 'office:value-type="string"', escape(str(value))
    return f"<table:table-cell {kind}{span}><text:p>{text}</text:p></table:table-cell>"


def _table(sheet) -> str:
    spans, covered = {}, set()
    for merged in sheet.merged_cells.ranges:
        first = (merged.min_row, merged.min_col)
        down, across = merged.max_row - merged.min_row + 1, merged.max_col - merged.min_col + 1
        spans[first] = f' table:number-rows-spanned="{down}" table:number-columns-spanned="{across}"'
        covered |= {(row, column) for row in range(merged.min_row, merged.max_row + 1)
                    for column in range(merged.min_col, merged.max_col + 1)} - {first}
    rows = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
        cells = ["<table:covered-table-cell/>" if (number, column) in covered
                 else _cell(value, spans.get((number, column), ""))
                 for column, value in enumerate(values, 1)]
        rows.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    return f'<table:table table:name="{escape(sheet.title)}">{"".join(rows)}</table:table>'


def save_as_ods(workbook: Path, target: Path) -> Path:
    book = load_workbook(workbook)
    tables = "".join(_table(sheet) for sheet in book.worksheets)
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
               f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
               "</office:document-content>")
    with zipfile.ZipFile(target, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return target
