"""A workbook saved again as OpenDocument (.ods), as LibreOffice Calc saves it by default: the
smallest package a reader takes (mimetype stored first, a manifest, content.xml), so the tests
need no LibreOffice."""

import zipfile
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


def _cell(value) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, int | float) and not isinstance(value, bool):
        kind, text = f'office:value-type="float" office:value="{value}"', str(value)
    else:
        kind, text = 'office:value-type="string"', escape(str(value))
    return f"<table:table-cell {kind}><text:p>{text}</text:p></table:table-cell>"


def save_as_ods(workbook: Path, target: Path) -> Path:
    book = load_workbook(workbook)
    tables = []
    for sheet in book.worksheets:
        rows = "".join("<table:table-row>" + "".join(_cell(value) for value in row) + "</table:table-row>"
                       for row in sheet.iter_rows(values_only=True))
        tables.append(f'<table:table table:name="{escape(sheet.title)}">{rows}</table:table>')
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
               f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body>'
               "</office:document-content>")
    with zipfile.ZipFile(target, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return target
