"""Main targets (chỉ tiêu chủ yếu) of a year and of a congress term (DOMAIN §10): their wording
and threshold, the result from the records or typed by the office, and the judgement.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "record": ("create_target", "delete_target", "get_target", "targets_for", "threshold_of",
        "update_target"),
    "results": ("TargetResult", "judge", "measured", "target_results"),
    "vocab": ("ABOVE", "ACHIEVED", "AT_LEAST", "COMPARATORS", "COUNT", "EXCEEDED", "MANUAL", "MEASURES",
        "MISSED", "RANGE", "SHARE", "UNDER_WAY", "UNKNOWN"),
})
