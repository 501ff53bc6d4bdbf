"""The residence comments by workbook: a list per organisation for the residence cells to
fill (card number, name, birth date, where introduced; the result, a note, the date
received), read back with every problem named and written all together or not at all."""

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from models.core.dates import fmt_date, parse_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.excel import write_table
from models.core.text import fold
from models.core.workbook import read_sheets
from models.members.columns import text_value
from models.members.tables import Member
from models.orgs.tree import get_org
from models.residence.contact import contact_rows, record_comment
from models.residence.vocab import DAT, KHONG_DAT

HEADERS = ["STT", "Số thẻ đảng viên", "Họ và tên", "Ngày sinh", "Nơi cư trú",
           "Kết quả (Đạt / Không đạt)", "Ghi chú của chi bộ nơi cư trú", "Ngày nhận"]
RESULT_WORDS = {"dat": DAT, "khong dat": KHONG_DAT}


def export_comment_list(path: Path, year: int, org_id: int) -> Path:
    """The organisation's members introduced to a residence, for their comments of the year."""
    org = get_org(org_id)
    rows = [r for r in contact_rows(year, org_id) if r.introduced_on is not None and not r.exemption]
    ids = [r.member_id for r in rows]
    cards = dict(Member.select(Member.id, Member.card_number).where(Member.id.in_(ids)).tuples())
    births = dict(Member.select(Member.id, Member.birth_date).where(Member.id.in_(ids)).tuples())
    lines = ([n, cards.get(r.member_id) or "", r.full_name, fmt_date(births.get(r.member_id)),
              ", ".join(p for p in (r.residence_cell, r.residence_org) if p), "", "", ""]
             for n, r in enumerate(rows, start=1))
    return write_table(path, f"NHẬN XÉT CỦA NƠI CƯ TRÚ NĂM {year}", org.name, HEADERS, lines,
                       widths=[6, 16, 28, 12, 40, 22, 40, 12], numbered=False)


@dataclass
class CommentReturn:
    path: Path
    year: int
    entries: list[tuple[int, str, str, date | None]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _header_row(rows: list[list]) -> int:
    for index, row in enumerate(rows[:15]):
        if any(fold(text_value(cell)).startswith("ket qua") for cell in row):
            return index
    raise ValidationError("file", "Không thấy dòng tiêu đề có cột “Kết quả”: tệp này không phải danh sách "
                                  "nhận xét của nơi cư trú.")


def read_comment_list(path: Path, year: int) -> CommentReturn:
    """Read a filled list back; what cannot be matched or read is listed, nothing is written."""
    path = Path(path)
    sheets = read_sheets(path)
    if not sheets:
        raise ValidationError("file", f"{path.name} không có trang nào.")
    rows = sheets[0].rows
    header = _header_row(rows)
    names = [fold(text_value(cell)) for cell in rows[header]]

    def column(prefix: str) -> int | None:
        return next((i for i, name in enumerate(names) if name.startswith(prefix)), None)

    card_col, name_col, birth_col = column("so the"), column("ho va ten"), column("ngay sinh")
    result_col, note_col, received_col = column("ket qua"), column("ghi chu"), column("ngay nhan")
    by_card = {card: member_id for member_id, card in Member.select(Member.id, Member.card_number)
               .where(Member.card_number.is_null(False)).tuples().iterator()}
    result = CommentReturn(path, year)
    for number, cells in enumerate(rows[header + 1:], start=header + 2):
        def cell(index, cells=cells):
            return text_value(cells[index]) if index is not None and index < len(cells) else ""
        if not cell(result_col):
            continue
        outcome = RESULT_WORDS.get(fold(cell(result_col)))
        if outcome is None:
            result.problems.append(f"Dòng {number}: kết quả “{cell(result_col)}” — ghi Đạt hoặc Không "
                                   "đạt.")
            continue
        raw_birth = cells[birth_col] if birth_col is not None and birth_col < len(cells) else None
        member_id = by_card.get(cell(card_col)) if cell(card_col) else _by_name(cell(name_col), raw_birth)
        if member_id is None:
            result.problems.append(f"Dòng {number}: không tìm thấy đảng viên “{cell(name_col)}” "
                                   f"(số thẻ {cell(card_col) or 'trống'}).")
            continue
        try:
            raw = cells[received_col] if received_col is not None and received_col < len(cells) else None
            received = _date_of(raw, "received_on", "Ngày nhận")
        except ValidationError as error:
            result.problems.append(f"Dòng {number}: {error.message}")
            continue
        result.entries.append((member_id, outcome, cell(note_col), received))
    return result


def _date_of(value, field: str, label: str) -> date | None:
    """A date cell: a date Excel stored as one, or the text a clerk typed."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return parse_date(text_value(value), field, label)


def _by_name(name: str, birth) -> int | None:
    try:
        born = _date_of(birth, "birth_date", "Ngày sinh")
    except ValidationError:
        return None
    query = Member.select(Member.id, Member.birth_date).where(Member.name_folded == fold(name))
    found = [m for m, b in query.tuples() if born is None or b == born]
    return found[0] if len(found) == 1 else None


def apply_comment_list(result: CommentReturn) -> int:
    """Every comment of the list or none: a refused row undoes the whole list."""
    if result.problems:
        raise ValidationError("file", f"{result.path.name}: sửa {len(result.problems)} dòng có vấn đề rồi "
                                      "nhập lại.")
    with database.atomic():
        for member_id, outcome, note, received in result.entries:
            try:
                record_comment(member_id, result.year, outcome, note, received)
            except ValidationError as error:
                raise ValidationError("file", f"{result.path.name}: {error.message}") from error
    return len(result.entries)

