"""The certificates (giấy khen) of an award decision, one A4 landscape page for each
collective and person, for the office's pre-printed paper: the emblem, the national line and
"GIẤY KHEN" are on the paper already, so only the words that change are printed, below the
top 60 mm the paper keeps for its own heading."""

from datetime import date
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from models.accounts import office_details
from models.core.errors import ValidationError
from models.documents import act_day, award_paper, issued_for, own_number, template_for
from reports.fonts import register_fonts
from reports.letterhead import office_signature
from reports.numbers import header_date, inline_date
from reports.papers import fill_all

PAGE = landscape(A4)
TEXT_WIDTH = 220 * mm
KEPT_FOR_THE_PAPER = 60 * mm


def certificate_lines(award_id: int) -> tuple[list[str], list[str], date]:
    """(recipients' names, the lines under each name, the decision's date). The certificate
    quotes the decision: as issued from the register, else as the awards were entered with
    their number and day (typed from the signed decision)."""
    paper = award_paper(award_id)
    decision = issued_for("QĐ", paper.source)
    if decision is not None:
        number, on = decision.number, decision.issued_on
    else:
        number, on = own_number(paper), act_day(paper.source)
    if number is None or on is None:
        raise ValidationError("record", "Chưa in được giấy khen: ghi số quyết định khen thưởng của đợt này, "
                                        "hoặc in và lấy số Quyết định khen thưởng trước; giấy khen ghi số "
                                        "quyết định đó.")
    code = office_details().code
    paper.facts["số quyết định"] = f"{number:02d}-QĐ/{code}"
    paper.facts["ngày quyết định"] = inline_date(on)
    names = [row[1] for row in paper.people]  # the list's second column: the name
    return names, fill_all(template_for("giay-khen"), "articles", paper), on


def _wrapped(text: str, font: str, size: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and stringWidth(trial, font, size) > TEXT_WIDTH:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def _pdf(path: Path, names: list[str], lines: list[str], on: date) -> None:
    family = register_fonts()
    office = office_details()
    signature = office_signature(office)
    canvas = Canvas(str(path), pagesize=PAGE)
    canvas.setTitle("Giấy khen")
    middle = PAGE[0] / 2
    for name in names:
        y = PAGE[1] - KEPT_FOR_THE_PAPER
        canvas.setFont(f"{family}-Bold", 16)
        canvas.drawCentredString(middle, y, f"BAN THƯỜNG VỤ {office.bloc_name.upper()}")
        canvas.setFont(f"{family}-Bold", 15)
        canvas.drawCentredString(middle, y - 9 * mm, "TẶNG")
        canvas.setFont(f"{family}-Bold", 24)
        canvas.drawCentredString(middle, y - 22 * mm, name)
        y -= 34 * mm
        canvas.setFont(family, 15)
        for text in lines:
            for line in _wrapped(text, family, 15):
                canvas.drawCentredString(middle, y, line)
                y -= 7.5 * mm
        canvas.setFont(f"{family}-Italic", 14)
        canvas.drawCentredString(PAGE[0] * 0.7, 62 * mm, header_date(office.place, on))
        canvas.setFont(f"{family}-Bold", 14)
        for offset, text in enumerate((signature.on_behalf, signature.title)):
            canvas.drawCentredString(PAGE[0] * 0.7, (55 - 6.5 * offset) * mm, text)
        canvas.drawCentredString(PAGE[0] * 0.7, 20 * mm, signature.name)
        canvas.showPage()
    canvas.save()


def _docx(path: Path, names: list[str], lines: list[str], on: date) -> None:
    office = office_details()
    signature = office_signature(office)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(60), Mm(15)
    section.left_margin = section.right_margin = Mm(25)
    document.styles["Normal"].font.name = "Times New Roman"

    def line(text: str, size: int, bold=False, italic=False, before=0, align=WD_ALIGN_PARAGRAPH.CENTER):
        paragraph = document.add_paragraph()
        paragraph.alignment = align
        paragraph.paragraph_format.space_before = Pt(before)
        run = paragraph.add_run(text)
        run.font.size, run.bold, run.italic = Pt(size), bold, italic
        return paragraph

    for index, name in enumerate(names):
        first = line(f"BAN THƯỜNG VỤ {office.bloc_name.upper()}", 16, bold=True)
        if index:
            first.paragraph_format.page_break_before = True
        line("TẶNG", 15, bold=True)
        line(name, 24, bold=True, before=6)
        for text in lines:
            line(text, 15, before=4)
        foot = ((header_date(office.place, on), True, 18), (signature.on_behalf, False, 0),
                (signature.title, False, 0), (signature.name, False, 50))
        for text, italic, before in foot:
            paragraph = line(text, 14, bold=not italic, italic=italic, before=before)
            paragraph.paragraph_format.left_indent = Mm(120)
    document.core_properties.title = "Giấy khen"
    document.save(str(path))


def render_certificates(path: Path, award_id: int) -> Path:
    names, lines, on = certificate_lines(award_id)
    (_docx if Path(path).suffix.lower() == ".docx" else _pdf)(path, names, lines, on)
    return path
