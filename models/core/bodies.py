"""The bloc's own bodies named in a record's free text ("Ban Thường vụ Đảng ủy Khối", "BTV
ĐUK", "BCH Đảng bộ Khối các cơ quan tỉnh"), recognised however a clerk spelled or shortened
them: one rule for the papers the bloc prints and the awards it may give."""

from models.core.text import fold

_COMMITTEES = ("dang uy khoi", "dang bo khoi")
_RANKS = ("thuong vu", "chap hanh", "btv", "bch")


def _words(body: str) -> str:
    return " ".join(fold(body).replace("-", " ").split())


def bloc_commission(body: str) -> bool:
    """The bloc's inspection commission, which decides some disciplines itself (Điều lệ Đảng)."""
    words = _words(body)
    return "uy ban kiem tra" in words and ("khoi" in words.split() or "duk" in words.split())


def bloc_committee(body: str) -> bool:
    """The bloc's executive or standing committee — not its inspection commission, nor a
    grassroots committee or the province's."""
    words = _words(body)
    tokens = words.split()
    if bloc_commission(body):
        return False
    return (any(name in words for name in _COMMITTEES) or "duk" in tokens
            or ("khoi" in tokens and any(rank in words for rank in _RANKS)))
