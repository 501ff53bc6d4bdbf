"""Vietnamese number writing, as the office's reports print it (DOMAIN §8, §9):
thousands with ".", decimals with ",", no space before "%"."""

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction


def integer(value: int, pad: int = 0) -> str:
    """2627 -> "2.627"; with pad=2, 3 -> "03" (the zero-padding some reports use)."""
    text = f"{abs(value):0{pad}d}" if pad else f"{abs(value)}"
    groups = []
    while len(text) > 3:
        groups.insert(0, text[-3:])
        text = text[:-3]
    groups.insert(0, text)
    return ("-" if value < 0 else "") + ".".join(groups)


def percent(part: int, whole: int, decimals: int = 1) -> str:
    """Share of part in whole, rounded half-up, trailing zeros trimmed: "61,3%", "36%".
    An empty whole has no share: "–"."""
    if whole == 0:
        return "–"
    return share(Fraction(part * 100, whole), decimals)


def share(value, decimals: int = 1) -> str:
    """A percentage already computed (an exact fraction, or a figure typed by the clerk),
    rounded as percent() rounds: "97,3%"."""
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        exact = Decimal(str(value))
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole_part, _, fraction = f"{rounded:f}".partition(".")
    fraction = fraction.rstrip("0")
    text = integer(int(whole_part))
    return f"{text},{fraction}%" if fraction else f"{text}%"


def achievement(actual: int, target: int, goal: str = "chỉ tiêu") -> str:
    """How reports word progress against a target (DOMAIN §9): 134 of 200 → "đạt 67% chỉ
    tiêu"; 138 of 120 → "vượt 15% chỉ tiêu"; goal="mục tiêu Đại hội" for a congress term."""
    if target <= 0:
        return f"chưa đặt {goal}"
    if actual <= target:
        return f"đạt {percent(actual, target)} {goal}"
    return f"vượt {percent(actual - target, target)} {goal}"


def header_date(place: str, day) -> str:
    """The place-and-date line of a document header: "Hạ Long, ngày 02 tháng 02 năm 2018".
    Days below 10 and the months January and February take a leading zero (DOMAIN §8)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    words = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {words}" if place.strip() else words.capitalize()


def inline_date(day) -> str:
    """A date inside the text of a paper, as the member sheet writes it: "12/07/2023"."""
    return f"{day:%d/%m/%Y}"


def money(dong: int) -> str:
    """A sum as the office writes it (DOMAIN §10): "hơn 3,2 tỷ đồng" — tỷ or triệu with one
    decimal cut down, never up, and "hơn" when the sum is above what is written."""
    for size, unit in ((10**9, "tỷ"), (10**6, "triệu")):
        if dong >= size:
            exact = Decimal(dong) / Decimal(size)
            shown = exact.quantize(Decimal("0.1"), rounding=ROUND_FLOOR)
            whole_part, _, fraction = f"{shown:f}".partition(".")
            text = integer(int(whole_part)) + (f",{fraction}" if fraction.strip("0") else "")
            return f"{'hơn ' if exact > shown else ''}{text} {unit} đồng"
    return f"{integer(dong)} đồng"


def listed(parts: list[str]) -> str:
    """"A, B và C" — a list in a sentence, as the office writes one."""
    return ", ".join(parts[:-1]) + " và " + parts[-1] if len(parts) > 1 else "".join(parts)
