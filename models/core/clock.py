"""The one clock of the program: every "today" and "now" is read here.

The window and the commands read the real clock. The demo can be built as a bloc stood on an
earlier day (`demo --today`), and the tests move the clock with time-machine, which this
module reads through like any caller; so no other module may call `date.today()` or
`datetime.now()` (tests/test_one_clock.py reads the sources for it)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

_fixed_day: date | None = None


def today() -> date:
    return _fixed_day or date.today()


def now() -> datetime:
    """The moment, on the fixed day when one is set (the time of day stays real, so entries
    written during a fixed day keep their order)."""
    moment = datetime.now()
    return datetime.combine(_fixed_day, moment.time()) if _fixed_day else moment


@contextmanager
def fixed_day(day: date) -> Iterator[None]:
    """Read `day` as today while the block runs (for building a bloc as it stood that day)."""
    global _fixed_day
    before, _fixed_day = _fixed_day, day
    try:
        yield
    finally:
        _fixed_day = before
