"""A record's values as the trail writes them: JSON's own types, dates as text."""

import hashlib
from datetime import date, datetime
from functools import lru_cache


def plain(value):
    if value is None or isinstance(value, str | int | float):  # the common case, first
        return value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        return {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return value


# The same for a column of dates, remembered: a bulk's dates recur (every row's created_at, the
# bloc's birth dates), and a remembered answer is found without a call into Python. Typed, so
# that True is never answered for 1.
plain_remembered = lru_cache(maxsize=32_768, typed=True)(plain)
