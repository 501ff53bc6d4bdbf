"""The Party document frame (DOMAIN §8, after HD 36-HD/VPTW): A4, margins 20/20/30/15 mm (a wide
list on A4 landscape, the same margins),
the two-column header, number line, place and date, title and subject line, the body, the
signature block with "Nơi nhận", page numbers from page 2. Every document the app prints is
laid out here; renderers only supply the words and tables."""

from dataclasses import dataclass, field
from datetime import date
from importlib import import_module
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from reports.fonts import register_fonts
from reports.letterhead import LEFT_COLUMN_MM, Signature, left_column, number_line
from reports.line_breaks import balanced_lines
from reports.numbers import header_date
from reports.table_widths import widths_for_words

TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
WIDTH = A4[0] - LEFT - RIGHT
WIDE = landscape(A4)[0] - LEFT - RIGHT  # the text's width on a landscape page
HANDWRITING_ROW_MM = 9  # a blank row to be filled in by hand: room for a pen (at least 8 mm)


@dataclass(frozen=True)
class Header:
    superior_body: str  # "Đảng bộ tỉnh Quảng Ninh"
    issuing_body: str  # "Đảng ủy Khối các cơ quan tỉnh"
    number_line: str  # "Số 45-BC/ĐUK"
    place: str
    issued_on: date
    title: str  # "BÁO CÁO"
    subject: str  # the trích yếu


def report_header(office, number: int | None, issued_on: date, subject: str) -> Header:
    """A report's header (BÁO CÁO and its subject) in the office's name, numbered once issued."""
    return Header(office.superior_body, office.bloc_name, number_line(number, office.code), office.place,
                  issued_on, "Báo cáo", subject)


@dataclass
class Body:
    """What goes between the subject line and the signature, in order."""

    items: list = field(default_factory=list)

    def heading(self, text: str, centered: bool = False) -> None:
        self.items.append(("heading_center" if centered else "heading", text))

    def subheading(self, text: str) -> None:
        self.items.append(("subheading", text))

    def note(self, text: str) -> None:
        """A centred line in italics, e.g. "(Số liệu tính đến ngày 04/12/2026)"."""
        self.items.append(("note", text))

    def paragraph(self, text: str) -> None:
        for line in text.split("\n"):
            if line.strip():
                self.items.append(("paragraph", line.strip()))

    def table(self, rows: list[list[str]], widths_mm: list[float], header_rows: int = 1,
              numeric_from: int = 1, handwriting_rows: int = 0) -> None:
        """`handwriting_rows` blank rows follow, each tall enough to write in by hand."""
        rows = rows + [[""] * len(widths_mm)] * handwriting_rows
        widths_mm = widths_for_words(rows, widths_mm, header_rows)  # no word broken in two
        self.items.append(("table", (rows, widths_mm, header_rows, numeric_from, handwriting_rows)))

    def flowable(self, item: Flowable, in_words: tuple[str, list[list[str]]] | None = None) -> None:
        """A chart of the PDF. `in_words`: (its title, table rows) for the Word copy, which cannot
        draw it: the chart's figures as a table a clerk can edit or chart."""
        self.items.append(("flowable", (item, in_words)))

    def page_break(self) -> None:
        self.items.append(("page_break", None))


# Line spacing: the format allows single to 1.5 lines (DOMAIN §8). Papers print at 18 pt for
# 14 pt text; a paper whose signature would go over to a second page is set again at single
# spacing (16 pt, as the Word copy has it), and kept if it then fits where it began.
LEADING, SINGLE = 18, 16


def _styles(leading: int = LEADING) -> dict[str, ParagraphStyle]:
    family = register_fonts()
    base = ParagraphStyle("base", fontName=family, fontSize=14, leading=leading)
    return {
        "header_left": ParagraphStyle("hl", parent=base, alignment=TA_CENTER, leading=17),
        "header_right": ParagraphStyle("hr", parent=base, alignment=TA_CENTER, fontSize=15, leading=18),
        "date": ParagraphStyle("date", parent=base, alignment=TA_CENTER, fontName=f"{family}-Italic"),
        "title": ParagraphStyle("title", parent=base, alignment=TA_CENTER, fontName=f"{family}-Bold",
                                fontSize=16, leading=20, spaceBefore=14),
        "subject": ParagraphStyle("subject", parent=base, alignment=TA_CENTER, fontName=f"{family}-Bold"),
        "letter_subject": ParagraphStyle("ls", parent=base, alignment=TA_CENTER, fontName=f"{family}-Italic",
                                         fontSize=12, leading=14),
        # A heading stays with what follows it: "PHẦN THỨ HAI" printed alone at a page's foot.
        "heading": ParagraphStyle("heading", parent=base, fontName=f"{family}-Bold", spaceBefore=8,
                                  spaceAfter=4, alignment=TA_JUSTIFY, firstLineIndent=12.7 * mm,
                                  keepWithNext=1),
        "heading_center": ParagraphStyle("hc", parent=base, fontName=f"{family}-Bold", spaceBefore=10,
                                         spaceAfter=4, alignment=TA_CENTER, keepWithNext=1),
        "note": ParagraphStyle("note", parent=base, alignment=TA_CENTER, fontName=f"{family}-Italic",
                               spaceAfter=6),
        "subheading": ParagraphStyle("sub", parent=base, fontName=f"{family}-BoldItalic", spaceBefore=4,
                                     spaceAfter=2, alignment=TA_JUSTIFY, firstLineIndent=12.7 * mm,
                                     keepWithNext=1),
        "paragraph": ParagraphStyle("p", parent=base, alignment=TA_JUSTIFY, firstLineIndent=12.7 * mm,
                                    spaceAfter=6 if leading == LEADING else 3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=12, leading=14, alignment=TA_LEFT),
        "cell_number": ParagraphStyle("cn", parent=base, fontSize=12, leading=14, alignment=TA_CENTER),
        "cell_head": ParagraphStyle("ch", parent=base, fontSize=12, leading=14, alignment=TA_CENTER,
                                    fontName=f"{family}-Bold"),
        "sign": ParagraphStyle("sign", parent=base, alignment=TA_CENTER, fontName=f"{family}-Bold"),
        "recipients_head": ParagraphStyle("rh", parent=base),  # 14, underlined (DOMAIN §8)
        "recipient": ParagraphStyle("r", parent=base, fontSize=12, leading=14),
    }


class RuledText(Flowable):
    """A centred line of text with a solid rule below it as long as the text (the rule under
    "ĐẢNG CỘNG SẢN VIỆT NAM"); also the short rule under the "*"-less subject line."""

    def __init__(self, text: str, font: str, size: float, width: float, rule_only: float = 0):
        super().__init__()
        self.text, self.font, self.size, self.width, self.rule_only = text, font, size, width, rule_only
        self.height = size + 5

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        from reportlab.pdfbase.pdfmetrics import stringWidth

        text_width = self.rule_only or stringWidth(self.text, self.font, self.size)
        left = (self.width - text_width) / 2
        if self.text:
            canvas.setFont(self.font, self.size)
            canvas.drawCentredString(self.width / 2, 5, self.text)
        canvas.setLineWidth(0.8)
        canvas.line(left, 2 if self.text else self.height / 2, left + text_width,
                    2 if self.text else self.height / 2)


def _side_by_side(left: list, right: list, widths: list[float], gap: float = 0) -> Table:
    """Two columns of flowables without borders (header, signature block), with an empty
    column `gap` wide between them when given. The font is set on the table too: reportlab
    otherwise selects Helvetica for its cells."""
    if gap > 0:
        table = Table([[left, "", right]], colWidths=[widths[0], gap, widths[1]])
    else:
        table = Table([[left, right]], colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return table


def _lines(text: str, style: ParagraphStyle, available: float, bold: bool = False) -> str:
    """The text as balanced lines joined by <br/> (reports/line_breaks.py)."""
    font = style.fontName + ("-Bold" if bold else "")
    lines = balanced_lines(text, lambda line: stringWidth(line, font, style.fontSize), available)
    return "<br/>".join(escape(line) for line in lines)


def _header(header: Header, styles, width: float = WIDTH) -> list:
    family = register_fonts()
    column = LEFT_COLUMN_MM * mm
    columns = [column, WIDTH - column]  # as on a portrait page: a landscape page's extra goes between
    superior, issuing = left_column(header.superior_body, header.issuing_body)
    left = [
        Paragraph("<br/>".join(escape(line) for line in superior), styles["header_left"]),
        Paragraph(f"<b>{'<br/>'.join(escape(line) for line in issuing)}</b>", styles["header_left"]),
        Paragraph("*", styles["header_left"]),
        # A draft's blank for the number is typed by hand: its spaces must not collapse.
        Paragraph(escape(header.number_line).replace("  ", "&nbsp;&nbsp;"), styles["header_left"]),
    ]
    right = [
        RuledText("ĐẢNG CỘNG SẢN VIỆT NAM", f"{family}-Bold", 15, 92 * mm),
        Spacer(1, 10),
        Paragraph(escape(header_date(header.place, header.issued_on)), styles["date"]),
    ]
    if not header.title:  # a công văn: its subject "V/v …" under the number, 12 italic (DOMAIN §8)
        left.append(Paragraph(escape(header.subject), styles["letter_subject"]))
        return [_side_by_side(left, right, columns, width - WIDTH), Spacer(1, 10)]
    table = _side_by_side(left, right, columns, width - WIDTH)
    return [
        table,
        Paragraph(escape(header.title.upper()), styles["title"]),
        Paragraph(_lines(header.subject, styles["subject"], width), styles["subject"]),
        RuledText("", family, 14, width, rule_only=25 * mm),
        Spacer(1, 6),
    ]


def _table(rows, widths_mm, header_rows, numeric_from, handwriting_rows, styles) -> Table:
    cells = []
    for index, row in enumerate(rows):
        style = "cell_head" if index < header_rows else None
        cells.append([Paragraph(escape(str(value)), styles[style or ("cell_number" if column >= numeric_from
                                                                     else "cell")])
                      for column, value in enumerate(row)])
    heights = [None] * (len(rows) - handwriting_rows) + [HANDWRITING_ROW_MM * mm] * handwriting_rows
    table = Table(cells, colWidths=[w * mm for w in widths_mm], rowHeights=heights, repeatRows=header_rows)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _signature_block(signature: Signature, styles) -> list:
    lines = [line for line in (signature.on_behalf, signature.title) if line]
    return [*(Paragraph(escape(line), styles["sign"]) for line in lines), Spacer(1, 24 * mm),
            Paragraph(escape(signature.name), styles["sign"])]


def _signature(signature: Signature, recipients: list[str], styles,
               left_signature: Signature | None = None, width: float = WIDTH) -> list[Flowable]:
    """"Nơi nhận" on the left; or, for minutes, the minute-taker's signature there."""
    if left_signature is not None:
        left = _signature_block(left_signature, styles)
    else:
        left = [Paragraph("<u>Nơi nhận:</u>", styles["recipients_head"])]
        for index, item in enumerate(recipients):
            end = "." if index == len(recipients) - 1 else ";"
            left.append(Paragraph(escape(f"- {item.rstrip(';.')}{end}"), styles["recipient"]))
    right = _signature_block(signature, styles)
    return [Spacer(1, 8), _side_by_side(left, right, [width * 0.5, width * 0.5])]


def _page_number(canvas, document) -> None:
    """Page numbers centred in the top margin, from page 2 on."""
    canvas.saveState()
    canvas.setFont(register_fonts(), 13)
    page_width, page_height = document.pagesize
    canvas.drawCentredString(page_width / 2 + (LEFT - RIGHT) / 2, page_height - 12 * mm, str(document.page))
    canvas.restoreState()


def _flow(body: Body, styles) -> list:
    story = []
    for kind, value in body.items:
        if kind in ("heading", "heading_center", "subheading", "paragraph", "note"):
            story.append(Paragraph(escape(value), styles[kind]))
        elif kind == "table":
            story.append(_table(*value, styles))
            story.append(Spacer(1, 8))
        elif kind == "flowable":
            story.append(value[0])
        elif kind == "page_break":
            story.append(PageBreak())
    return story


def build_document(path: Path, header: Header, body: Body, signature: Signature,
                   recipients: list[str], annex: Body | None = None, author: str = "Đảng vụ",
                   left_signature: Signature | None = None, wide: bool = False) -> Path:
    """Header, body, signature and "Nơi nhận" (or a second signature); then the annexes (phụ
    lục) from a new page; `wide`: on A4 landscape (a list whose columns the portrait page
    cramps, its tables' widths adding up to WIDE). A path ending in .docx gets the Word copy
    (reports/word.py)."""
    if Path(path).suffix.lower() == ".docx":
        # python-docx is loaded for a Word copy only (0.1 s of every PDF's command otherwise).
        word = import_module("reports.word")
        return word.build_docx(path, header, body, signature, recipients, annex, author, left_signature, wide)
    title = f"{header.title} {header.subject}"
    signed_on = _build_pdf(path, header, body, signature, recipients, annex, title, author, left_signature,
                           LEADING, wide)
    if signed_on == 2:
        # A one-page paper run over: set at single spacing in memory, kept if it fits on one.
        tighter = BytesIO()
        if _build_pdf(tighter, header, body, signature, recipients, annex, title, author, left_signature,
                      SINGLE, wide) == 1:
            Path(path).write_bytes(tighter.getvalue())
    return path


class _PageMark(Flowable):
    """Takes no room; remembers the page it is drawn on (the signature's)."""

    page = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.page = self.canv.getPageNumber()


def _build_pdf(target, header: Header, body: Body, signature: Signature, recipients: list[str],
               annex: Body | None, title: str, author: str, left_signature: Signature | None,
               leading: int, wide: bool = False) -> int:
    """The PDF written to `target` (a path or a buffer); the page its signature is on."""
    styles = _styles(leading)
    width = WIDE if wide else WIDTH
    story = _header(header, styles, width) + _flow(body, styles)
    # The signature never stands alone on a page: it goes over with the body's last paragraph,
    # and with the headings just above that paragraph (one KeepTogether of plain flowables:
    # reportlab's keepWithNext does not reach into a nested KeepTogether).
    tail = [story.pop()] if body.items else []
    while body.items and story and getattr(story[-1], "getKeepWithNext", lambda: False)():
        tail.insert(0, story.pop())
    mark = _PageMark()
    signed = _signature(signature, recipients, styles, left_signature, width)
    story.append(KeepTogether([*tail, *signed, mark]))
    if annex is not None and annex.items:
        story.append(PageBreak())
        story += _flow(annex, styles)
    document = SimpleDocTemplate(
        target if isinstance(target, BytesIO) else str(target), pagesize=landscape(A4) if wide else A4,
        topMargin=TOP, bottomMargin=BOTTOM, leftMargin=LEFT, rightMargin=RIGHT, title=title, author=author,
        initialFontName=register_fonts(),
    )
    document.build(story, onLaterPages=_page_number)
    return mark.page
