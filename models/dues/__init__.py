"""The office's Party dues books (đảng phí, QĐ 342-QĐ/TW): the shares each level keeps, what
each grassroots organisation collected and remitted per quarter (typed, or taken from the
accepted returns of the reporting system), what it still owes, and what the bloc keeps and
remits upward.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "books": ("KEPT_TYPED", "MONEY_MAX", "NOT_READY", "OUTCOMES", "SAME", "TAKEN", "UPDATED", "TakenLine",
              "first_quarter_using", "last_quarter_ended", "quarter_bounds", "quarter_name", "set_entry",
              "take_from_returns"),
    "quarter": ("DuesLine", "DuesQuarter", "dues_quarter"),
    "shares": ("save_share", "share_on", "share_rows"),
})
