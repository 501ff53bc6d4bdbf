"""The Word copy of a document (.docx), in the same frame as the PDF: A4 with the margins of
DOMAIN §8, Times New Roman 14 (every Windows office has it), the two-column header as a
borderless table, the number line, the italic date line, the body justified with first-line
indents, the annex tables, the signature block and "Nơi nhận", page numbers from page 2 at
the top. Secretaries edit this copy before they sign; the PDF stays the version to print.
Charts are drawings of the PDF only: the Word copy has their figures in the tables beside."""

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.document import HANDWRITING_ROW_MM
from reports.fonts import register_fonts
from reports.line_breaks import balanced_lines
from reports.numbers import header_date

FONT = "Times New Roman"
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]
WIDE_MM = 297 - MARGINS_MM["left"] - MARGINS_MM["right"]  # on A4 landscape
CHART_LABEL_MM = 45  # a chart's figures as a table: the column naming its rows
CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
TEXT_KINDS = ("heading", "heading_center", "subheading", "note", "paragraph")


def build_docx(path: Path, header, body, signature, recipients: list[str], annex=None,
               author: str = "Đảng vụ", left_signature=None, wide: bool = False) -> Path:
    document = Document()
    _frame(document, author, f"{header.title} {header.subject}", wide)
    width = WIDE_MM if wide else WIDTH_MM
    _header(document, header, width)
    _flow(document, body)
    if body.items and body.items[-1][0] in TEXT_KINDS:
        # The signature never stands alone on a page: it goes over with the body's last
        # paragraph (and the headings above it, which keep with what follows), as in the PDF.
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    _signatures(document, signature, recipients, left_signature, width)
    if annex is not None and annex.items:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _flow(document, annex)
    document.save(str(path))
    return path


def _frame(document, author: str, title: str, wide: bool) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if wide:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    for side, size in MARGINS_MM.items():
        setattr(section, f"{side}_margin", Mm(size))
    section.start_type = WD_SECTION.NEW_PAGE
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)
    document.core_properties.author, document.core_properties.title = author, title
    # Page numbers at the top, centred, from page 2 on (DOMAIN §8).
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = CENTER
    _page_field(number.add_run())


def _page_field(run) -> None:
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _line(cell_or_doc, text: str, align=CENTER, bold=False, italic=False, size=14, underline=False):
    paragraph = cell_or_doc.add_paragraph()
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline, run.font.size = bold, italic, underline, Pt(size)
    return paragraph


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _two_columns(document, widths_mm: tuple[float, ...]):
    """A borderless row of cells (two, or three with an empty one between)."""
    table = document.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid LibreOffice lays out by; Word reads the cells' own
    for cell, width in zip(table.rows[0].cells, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    return table.rows[0].cells


def _balanced(text: str, bold: bool, size: float, width_mm: float) -> str:
    """Line breaks as the PDF puts them (reports/line_breaks.py), measured with Liberation Serif,
    whose widths are Times New Roman's."""
    family = register_fonts()
    font = f"{family}-Bold" if bold else family
    return "\n".join(balanced_lines(text, lambda line: stringWidth(line, font, size), Mm(width_mm).pt))


def _header(document, header, width: float = WIDTH_MM) -> None:
    column = WIDTH_MM - 92
    if width > WIDTH_MM:  # landscape: the right block against the right margin, as in the PDF
        left, gap, right = _two_columns(document, (column, width - WIDTH_MM, 92))
        gap.add_paragraph()  # a cell holds a paragraph at least, or Word calls the file damaged
    else:
        left, right = _two_columns(document, (column, 92))
    usable = column - 4  # the cell's own margins
    _line(left, _balanced(header.superior_body.upper(), False, 14, usable))
    _line(left, _balanced(header.issuing_body.upper(), True, 14, usable), bold=True)
    _line(left, "*")
    _line(left, header.number_line)
    _line(right, "ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, size=15, underline=True)
    _line(right, "")
    _line(right, header_date(header.place, header.issued_on), italic=True)
    if not header.title:  # a công văn: its subject under the number, 12 italic (DOMAIN §8)
        _line(left, header.subject, italic=True, size=12)
        return
    title = _line(document, header.title.upper(), bold=True, size=16)
    title.paragraph_format.space_before = Pt(14)
    _line(document, _balanced(header.subject, True, 14, width - 4), bold=True)
    _line(document, "—————", size=10)


def _flow(document, body) -> None:
    for kind, value in body.items:
        if kind == "heading":
            _text(document, value, bold=True).paragraph_format.keep_with_next = True
        elif kind == "heading_center":
            heading = _line(document, value, bold=True).paragraph_format
            heading.space_before, heading.keep_with_next = Pt(10), True
        elif kind == "subheading":
            _text(document, value, bold=True, italic=True).paragraph_format.keep_with_next = True
        elif kind == "note":
            _line(document, value, italic=True)
        elif kind == "paragraph":
            _text(document, value).paragraph_format.space_after = Pt(6)
        elif kind == "table":
            _table(document, *value)
        elif kind == "page_break":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "flowable" and value[1] is not None:  # a chart of the PDF: its figures
            title, rows = value[1]
            _line(document, title, bold=True, size=13).paragraph_format.keep_with_next = True
            label = CHART_LABEL_MM
            _table(document, rows, [label] + [(WIDTH_MM - label) / (len(rows[0]) - 1)] * (len(rows[0]) - 1),
                   header_rows=1, numeric_from=1)


def _text(document, text: str, bold=False, italic=False):
    paragraph = document.add_paragraph()
    paragraph.alignment = JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(12.7)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    return paragraph


def _table(document, rows, widths_mm, header_rows: int, numeric_from: int, handwriting_rows: int = 0) -> None:
    table = document.add_table(rows=len(rows), cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid LibreOffice lays out by; Word reads the cells' own
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.width = Mm(widths_mm[c])
            paragraph = cell.paragraphs[0]
            paragraph.alignment = CENTER if r < header_rows or c >= numeric_from else LEFT
            run = paragraph.add_run(str(value))
            run.font.size, run.bold = Pt(12), r < header_rows
    for row in table.rows[len(rows) - handwriting_rows:] if handwriting_rows else []:
        row.height, row.height_rule = Mm(HANDWRITING_ROW_MM), WD_ROW_HEIGHT_RULE.AT_LEAST
    # As the PDF's tables: the header rows again on each page the table runs onto.
    for index, row in enumerate(table.rows):
        _keep_whole(row._tr, repeated=index < header_rows)
    document.add_paragraph()


def _keep_whole(row_element, repeated: bool = False) -> None:
    """A table row that never breaks across pages (no cell cut in its middle, a signature's
    title never parted from its name); `repeated`: a header row, again on every page."""
    properties = row_element.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if repeated:
        properties.append(OxmlElement("w:tblHeader"))


def _signatures(document, signature, recipients: list[str], left_signature, width: float = WIDTH_MM) -> None:
    left, right = _two_columns(document, (width / 2, width / 2))
    _keep_whole(left._tc.getparent())  # the w:tr holding both cells
    if left_signature is not None:
        _signature_block(left, left_signature)
    else:
        _line(left, "Nơi nhận:", align=LEFT, underline=True)
        for index, item in enumerate(recipients):
            end = "." if index == len(recipients) - 1 else ";"
            _line(left, f"- {item.rstrip(';.')}{end}", align=LEFT, size=12)
    _signature_block(right, signature)


def _signature_block(cell, signature) -> None:
    for line in (signature.on_behalf, signature.title):
        if line:
            _line(cell, line, bold=True)
    for _ in range(4):
        _line(cell, "")
    _line(cell, signature.name, bold=True)
