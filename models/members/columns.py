"""Reading member lists as offices keep them in Excel: find the header row under a title block,
join two-row headers (a merged "Ngày" over "vào Đảng" / "chính thức"), recognise the usual
Vietnamese column names, and turn cell values into the record's fields."""

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import partial

from models.core.dates import parse_date
from models.core.errors import ValidationError
from models.core.text import clean, fold

# Field -> the column names offices use, folded (no accents, lower case).
ALIASES: dict[str, tuple[str, ...]] = {
    "full_name": ("ho va ten", "ho ten", "ho va ten dang vien", "ten dang vien", "ho va ten khai sinh"),
    "birth_date": ("ngay sinh", "ngay thang nam sinh", "sinh ngay", "ngay, thang, nam sinh"),
    "sex": ("gioi tinh", "nam/nu", "nam, nu", "gioi"),
    "admission_date": ("ngay vao dang", "ngay ket nap", "ngay ket nap dang", "ngay vao dang du bi",
                       "ngay vao dang (du bi)", "ngay quyet dinh ket nap", "ngay vao",
                       "ngay, thang, nam vao dang", "ngay thang nam vao dang"),
    "full_member_date": ("ngay chinh thuc", "ngay vao dang chinh thuc", "ngay cong nhan chinh thuc",
                         "ngay chuyen chinh thuc", "ngay, thang, nam chinh thuc",
                         "ngay thang nam chinh thuc"),
    "card_number": ("so the", "so the dang", "so the dang vien", "so the dv"),
    "parent_org": ("dang bo", "dang bo co so", "truc thuoc", "thuoc dang bo", "dang bo truc thuoc"),
    # The committee between a cell and its đảng bộ cơ sở; longer than "dang bo", so taken first.
    "unit_org": ("dang bo bo phan", "thuoc dang bo bo phan", "dbbp"),
    "org": ("chi bo", "chi bo sinh hoat", "to chuc dang", "chi bo, dang bo", "don vi", "ten chi bo",
            "sinh hoat tai chi bo", "noi sinh hoat"),
    "identity_number": ("cccd", "so cccd", "can cuoc", "can cuoc cong dan", "so can cuoc cong dan",
                        "cmnd", "so cmnd", "so cmnd/cccd", "cmnd/cccd"),
    "dossier_number": ("so ly lich", "so ly lich dang vien", "so ll"),
    "ethnicity": ("dan toc",),
    "religion": ("ton giao",),
    "home_town": ("que quan", "nguyen quan"),
    "residence": ("noi o hien nay", "noi o", "noi cu tru", "dia chi", "cho o hien nay", "thuong tru"),
    "education": ("giao duc pho thong", "trinh do van hoa", "van hoa", "hoc van"),
    "professional_level": ("chuyen mon", "chuyen mon, nghiep vu", "trinh do chuyen mon",
                           "trinh do chuyen mon, nghiep vu"),
    "political_theory": ("ly luan chinh tri", "trinh do ly luan chinh tri", "llct", "trinh do llct"),
    "occupation": ("nghe nghiep", "chuc vu", "nghe nghiep, chuc vu", "chuc vu chinh quyen", "cong viec"),
    "party_posts": ("chuc vu dang", "chuc vu trong dang", "chuc vu dang hien nay"),
    "note": ("ghi chu",),
}
LABELS = {
    "full_name": "Họ và tên", "birth_date": "Ngày sinh", "sex": "Giới tính",
    "admission_date": "Ngày vào Đảng", "full_member_date": "Ngày chính thức", "card_number": "Số thẻ",
    "org": "Chi bộ", "unit_org": "Đảng bộ bộ phận", "parent_org": "Đảng bộ cơ sở",
    "identity_number": "Số CCCD",
    "dossier_number": "Số lý lịch", "ethnicity": "Dân tộc",
    "religion": "Tôn giáo", "home_town": "Quê quán", "residence": "Nơi ở hiện nay",
    "education": "Giáo dục phổ thông", "professional_level": "Chuyên môn, nghiệp vụ",
    "political_theory": "Lý luận chính trị", "occupation": "Nghề nghiệp, chức vụ",
    "party_posts": "Chức vụ trong Đảng", "note": "Ghi chú",
}
REQUIRED = ("full_name", "birth_date", "sex", "admission_date", "org")
DATE_FIELDS = ("birth_date", "admission_date", "full_member_date")
HEADER_SCAN_ROWS = 30
_PUNCT = re.compile(r"[^\w/,() ]+")
_SERIAL_EPOCH = date(1899, 12, 30)


def normalise_header(value) -> str:
    text = fold(value if isinstance(value, str) else str(value or ""))
    text = _PUNCT.sub(" ", text.replace("\n", " "))
    return re.sub(r"\s+", " ", text).strip(" .:")


def field_for(header: str) -> str | None:
    """The field a column heading names: an exact alias first, else the longest alias it
    starts with (so "ngay vao dang chinh thuc" is not taken for "ngay vao dang")."""
    if not header:
        return None
    for field, aliases in ALIASES.items():
        if header in aliases:
            return field
    best, length = None, 0
    for field, aliases in ALIASES.items():
        for alias in aliases:
            if header.startswith(alias) and len(alias) > length:
                best, length = field, len(alias)
    return best


def _joined_headers(top: list, below: list) -> list[str]:
    """A heading row and the one beneath it read as one: a label spanning several columns
    (merged cells leave it in the first) carries over the sub-headings under it."""
    labels, carried = [], ""
    for index in range(max(len(top), len(below))):
        upper = normalise_header(top[index] if index < len(top) else None)
        lower = normalise_header(below[index] if index < len(below) else None)
        if upper:
            carried = upper
        if lower:
            labels.append(f"{upper or carried} {lower}".strip() if (upper or carried) else lower)
        else:
            labels.append(upper)
    return labels


def display_headers(heading_rows: list[list]) -> list[str]:
    """The headings as the file writes them (one or two rows, a spanning label carried over)."""
    width = max(len(row) for row in heading_rows)
    labels = []
    carried = [""] * len(heading_rows)
    for index in range(width):
        parts = []
        for depth, row in enumerate(heading_rows):
            text = text_value(row[index]) if index < len(row) else ""
            if text:
                carried[depth] = text
            below = [text_value(r[index]) if index < len(r) else "" for r in heading_rows[depth + 1:]]
            part = text or (carried[depth] if any(below) else "")
            if part:
                parts.append(part)
        labels.append(" ".join(parts))
    return labels


def find_header(rows: list[list]) -> tuple[int, list[str], int]:
    """(index of the last heading row, the headings, rows of heading: 1 or 2). The heading is
    the row among the first thirty naming most known columns, joined with the next row when
    that names more."""
    best = (-1, [], 1, 0)
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        single = [normalise_header(cell) for cell in row]
        score = len({field_for(h) for h in single} - {None})
        if score > best[3]:
            best = (index, single, 1, score)
        if index + 1 < len(rows):
            joined = _joined_headers(row, rows[index + 1])
            score = len({field_for(h) for h in joined} - {None})
            if score > best[3]:
                best = (index + 1, joined, 2, score)
    index, headers, depth, score = best
    if score < 2:
        raise ValidationError("file", "Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh, Chi bộ…) trong "
                                      f"{HEADER_SCAN_ROWS} dòng đầu của bảng tính.")
    return index, headers, depth


def detect_mapping(headers: list[str]) -> dict[int, str]:
    """Column index -> field; a field taken by the first column that names it."""
    mapping, taken = {}, set()
    for index, header in enumerate(headers):
        field = field_for(header)
        if field and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping


# --- Cell values ---------------------------------------------------------------------------

def text_value(value) -> str:
    """The cell as text, cleaned as the record's checks clean it (an import's checks then take
    it as cleaned: validate(cleaned=True))."""
    if value is None:
        return ""
    if type(value) is str:  # most cells
        return clean(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(value) if isinstance(value, str) else str(value)


def date_value(value, field: str) -> date | None:
    """Real Excel dates, serial numbers that lost their format, or text d/m/yyyy (and d/m/yy)."""
    label = LABELS[field]
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 80_000:
            return _SERIAL_EPOCH + timedelta(days=int(value))
        raise ValidationError(field, f"{label}: số {value} không phải ngày.")
    text = text_value(value)
    if re.fullmatch(r"\d{4}", text):
        raise ValidationError(field, f"{label}: chỉ có năm {text}, cần đủ ngày/tháng/năm.")
    return parse_date(text, field, label)


def sex_value(value) -> str | None:
    folded = fold(text_value(value))
    if folded in ("nam", "m", "male", "1"):
        return "M"
    if folded in ("nu", "f", "female", "0", "n"):
        return "F"
    if not folded:
        return None
    raise ValidationError("sex", f"Giới tính “{text_value(value)}”: ghi Nam hoặc Nữ.")


_SEPARATORS = re.compile(r"[\s.\-]")  # as a number is read out in groups: 012 345 678, 012.345.678


def digits_value(value, width: int | None = None) -> str:
    """Identifiers kept as text; a number that lost its leading zeros gets them back."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _SEPARATORS.sub("", text_value(value))
    if width and text.isdigit() and len(text) < width:
        text = text.zfill(width)
    return text


def _identity_value(value) -> str:
    return digits_value(value, 12 if len(digits_value(value)) > 9 else 9)


_READERS = {
    "sex": sex_value,
    "card_number": lambda value: digits_value(value, 8),
    "identity_number": _identity_value,
    "dossier_number": lambda value: digits_value(value).upper(),
    **{name: partial(date_value, field=name) for name in DATE_FIELDS},
}


def readers_for(mapping: dict[int, str]) -> list[tuple[int, str, Callable]]:
    """(column, field, how its cell is read), worked out once for the file, not for each row."""
    return [(index, name, _READERS.get(name, text_value)) for index, name in mapping.items()]
