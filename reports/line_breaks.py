"""Where a header or subject line breaks: between words, never inside a phrase the Party form
keeps whole ("CƠ QUAN", "ĐẢNG ỦY", "BAN THƯỜNG VỤ"…), in lines of balanced length and so
never with one word left alone on the last line (reported: "ĐẢNG ỦY KHỐI CÁC CƠ / QUAN TỈNH",
"2026" alone under the subject)."""

from collections.abc import Callable
from itertools import combinations

# Phrases kept on one line; compared without case.
KEPT_TOGETHER = ("cơ quan", "đảng ủy", "đảng bộ", "ban thường vụ", "ban chấp hành", "ủy ban kiểm tra",
                 "chi bộ", "tổng kết", "sơ kết", "6 tháng", "tháng đầu năm", "nhiệm kỳ")
MAX_LINES = 3


def balanced_lines(text: str, width_of: Callable[[str], float], available: float) -> list[str]:
    """`text` in as few lines as fit `available` (as measured by `width_of`), the longest line
    as short as possible; one line when it fits."""
    words = text.split()
    if not words or width_of(" ".join(words)) <= available:
        return [" ".join(words)]
    allowed = [i for i in range(1, len(words)) if not _inside_phrase(words, i)]
    for count in range(2, MAX_LINES + 1):
        best: tuple[float, list[str]] | None = None
        for cuts in combinations(allowed, count - 1):
            lines = [" ".join(words[a:b]) for a, b in zip((0, *cuts), (*cuts, len(words)), strict=True)]
            widest = max(width_of(line) for line in lines)
            if widest <= available and (best is None or widest < best[0]):
                best = (widest, lines)
        if best is not None:
            return best[1]
    return [" ".join(words)]  # too long for any layout we try: the paragraph wraps as it can


def _inside_phrase(words: list[str], cut: int) -> bool:
    """Whether a break before words[cut] would split one of the phrases kept together."""
    lowered = [word.lower() for word in words]
    if lowered[cut - 1] in ("năm", "tháng", "số") and words[cut].rstrip(",.;").isdigit():
        return True  # "năm 2025" stays whole
    for phrase in KEPT_TOGETHER:
        parts = phrase.split()
        for start in range(max(0, cut - len(parts) + 1), cut):
            if lowered[start:start + len(parts)] == parts:
                return True
    return False
