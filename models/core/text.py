"""Vietnamese text: NFC normalisation, accent folding for search, and the name sort key."""

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps

from models.core.errors import ValidationError

_SPACES = re.compile(r"\s+")
SHORT = 120  # texts up to this long have their cleaned and folded forms remembered
_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)}
NOTE_MAX = 4_000  # a note, an address, a recommendation: a page of text
LONG_TEXT_MAX = 200_000  # the minutes of a meeting


# Characters that show nothing yet are stored, compared and printed (reported: U+3164, U+115F,
# U+FFA0, U+2800, U+034F, U+FE0F, U+1160 survived; U+FFFF in a name broke every Word copy, which
# XML refuses): Unicode's default-ignorable code points, its fillers, the Braille blank; and
# with them every noncharacter (category Cn) and lone surrogate (Cs).
HIDDEN_RANGES = ((0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
                 (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x2800, 0x2800),
                 (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
                 (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF))
_HIDDEN = re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in HIDDEN_RANGES) + "]")


def _shown(ch: str) -> bool:
    return unicodedata.category(ch) not in ("Cf", "Cn", "Cs")


def _visible(text: str) -> str:
    """Without control characters and the invisible ones: zero-width spaces and joiners,
    byte-order marks, the bidi overrides that make a name read backwards, fillers and
    noncharacters."""
    text = _HIDDEN.sub("", text.translate(_CONTROL))
    return "".join(ch for ch in text if _shown(ch))


def clean(text: str | None) -> str:
    """NFC, control and invisible characters dropped, runs of white space collapsed, trimmed."""
    if not text:
        return ""
    if type(text) is not str:
        text = str(text)
    # The remembered answer asked for directly: an import cleans three million values, and a
    # call through _clean's wrapper for each was a tenth of its reading time.
    return _cleaned(text) if len(text) <= SHORT else _clean(text)


def _remembering_short(function: Callable[[str], str]) -> Callable[[str], str]:
    """`function` of a text, its answers for short texts remembered: an import cleans each of a
    million cells twice (as read, then by the record's checks) and folds 370,000 names, and most
    are the same few words (Kinh, Không, Đại học, the bloc's organisations and names)."""
    remembered = lru_cache(maxsize=32768)(function)

    @wraps(function)
    def answer(text: str) -> str:
        return remembered(text) if len(text) <= SHORT else function(text)
    answer.remembered = remembered
    return answer


@_remembering_short
def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    # Most values are already tidy: skip the character passes (an import cleans ~1M values).
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " " \
            and not _HIDDEN.search(text):
        return text
    return _SPACES.sub(" ", _visible(text)).strip()


_cleaned = _clean.remembered


def clean_multiline(text: str | None) -> str:
    """Like clean() but keeps line breaks, for notes and addresses."""
    if not text:
        return ""
    text = _visible(unicodedata.normalize("NFC", str(text)))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.splitlines()).strip()


def checked_multiline(text: str | None, field: str, label: str, limit: int = NOTE_MAX) -> str:
    """clean_multiline(), refused with a message when longer than the limit."""
    if text is not None and len(str(text)) > 4 * limit:  # not even worth cleaning
        raise ValidationError(field, f"{label} dài quá {limit:,} ký tự.".replace(",", "."))
    value = clean_multiline(text)
    if len(value) > limit:
        raise ValidationError(field, f"{label} dài quá {limit:,} ký tự.".replace(",", "."))
    return value


def opening(text: str) -> str:
    """`text` as a sentence's opening: its first letter in capitals and the rest as written.
    str.capitalize lowers the rest, which printed "Quý ii năm 2027" and a file's path in lower
    case."""
    return text[:1].upper() + text[1:]


def file_safe(name: str, longest: int = 80) -> str:
    """A name for a file: folded, words joined by hyphens, nothing Windows refuses in a name
    ("Đảng bộ Sở Tài chính" → "dang-bo-so-tai-chinh")."""
    return re.sub(r"[^\w\- ]+", "", fold(name)).strip().replace(" ", "-")[:longest]


def fold(text: str | None) -> str:
    """Lower case without diacritics; "đ" becomes "d" (Unicode does not decompose it)."""
    if not text:
        return ""
    return _fold(str(text))


@_remembering_short
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", clean(text).lower())
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return text.replace("đ", "d")


# Vietnamese alphabetical order; f, j, w, z are for names of foreign origin.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: chr(0x41 + i) for i, letter in enumerate(_ALPHABET)}
# Dictionary order of the tones: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_VOWEL_SHAPES = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn: part of the letter


def _letters_and_tones(word: str) -> tuple[str, str]:
    primary, tones = [], []
    for cluster in unicodedata.normalize("NFD", word.lower()):
        if cluster in _TONE_RANK:
            if tones:
                tones[-1] = _TONE_RANK[cluster]
            continue
        if cluster in _VOWEL_SHAPES and primary:
            base = unicodedata.normalize("NFC", primary.pop() + cluster)
            primary.append(base)
            continue
        primary.append(cluster)
        tones.append("0")
    letters = "".join(_LETTER_RANK.get(ch, ch) for ch in primary)
    return letters, "".join(tones)


@lru_cache(maxsize=32768)  # a bloc's names recur: 100,000 members have far fewer names
def name_sort_key(full_name: str) -> str:
    """Key that sorts names the Vietnamese way: given name (last word) first, then the rest;
    letters in the Vietnamese alphabet (a < ă < â < b …, d < đ), tones only as a tie-break."""
    words = clean(full_name).split(" ")
    if not words or words == [""]:
        return ""
    given, rest = words[-1], " ".join(words[:-1])
    given_letters, given_tones = _letters_and_tones(given)
    rest_letters, rest_tones = _letters_and_tones(rest)
    return "\x01".join((given_letters, rest_letters, given_tones + rest_tones))


# Text beginning so is run by Excel as a formula (OWASP "CSV injection"): the Excel writer and
# the trail's CSV write it as text. Here, not with the writer: the trail's export needs no
# workbook library, and every command's opening reaches the trail's labels.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)
