"""What the office's details print at the top and foot of every document: the left header
column's lines as the PDF breaks them, and the signature block. Shared by the PDF frame and the
live preview of the office details form, so what the clerk sees there is what prints."""

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from models.accounts import LABELS, OfficeDetails, office_details, office_warnings
from reports.fonts import register_fonts
from reports.line_breaks import balanced_lines

PAGE_WIDTH_MM, LEFT_MARGIN_MM, RIGHT_MARGIN_MM = 210, 30, 15
RIGHT_COLUMN_MM = 92  # "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line
LEFT_COLUMN_MM = PAGE_WIDTH_MM - LEFT_MARGIN_MM - RIGHT_MARGIN_MM - RIGHT_COLUMN_MM
HEADER_SIZE = 14


@dataclass(frozen=True)
class Signature:
    on_behalf: str = "T/M BAN THƯỜNG VỤ"
    title: str = "BÍ THƯ"
    name: str = ""


def header_lines(text: str, bold: bool, width: float = LEFT_COLUMN_MM * mm) -> list[str]:
    """A left-column header line in capitals, broken as it prints (reports/line_breaks.py)."""
    family = register_fonts()
    font = f"{family}-Bold" if bold else family
    return balanced_lines(text.upper(), lambda line: stringWidth(line, font, HEADER_SIZE), width)


def left_column(superior_body: str, issuing_body: str) -> tuple[list[str], list[str]]:
    """The superior body's lines (regular) and the issuing body's (bold)."""
    return header_lines(superior_body, bold=False), header_lines(issuing_body, bold=True)


def number_line(number: int | None, code: str, type_code: str = "BC") -> str:
    """"Số 45-BC/ĐUK"; an unnumbered draft keeps the blank the clerk fills by hand."""
    return f"Số {number:02d}-{type_code}/{code}" if number else f"Số      -{type_code}/{code}"


def office_signature(office: OfficeDetails) -> Signature:
    """The standing committee's signature: "T/M BAN THƯỜNG VỤ", the signer's post (Bí thư when
    none is set), the signer's name."""
    return Signature("T/M BAN THƯỜNG VỤ", (office.signer_title or "Bí thư").upper(), office.signer_name)


def letterhead_warnings() -> list[str]:
    """What in the stored office details would print off the Party's form, for the clerk to
    read before a document goes out ("Cơ quan cấp trên: …")."""
    return [f"{LABELS[key]}: {warning.message}" for key, warning in office_warnings(office_details()).items()]
