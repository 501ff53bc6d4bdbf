"""While a report's figures are counted nothing is written, yet the same facts are asked for
many times: the tree a dozen times (25 ms each for 1,800 organisations), the roster at the
year's end by the ratings and by the residence lines (0.18 s each at 30,000 members), the
headcount at a date by two movement tables. Within `reading_once()` a function marked
`@read_once` answers each set of arguments from its first reading.

Per thread: the window counts figures on a worker while its own thread may read the records
as they stand. Outside the block every call reads afresh."""

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps

_reading = threading.local()


@contextmanager
def reading_once() -> Iterator[None]:
    outer = getattr(_reading, "answers", None) is not None
    if not outer:
        _reading.answers = {}
    try:
        yield
    finally:
        if not outer:
            _reading.answers = None


def read_once(function: Callable) -> Callable:
    """Answers kept for the block; a list is handed out as a copy, so a caller that sorts or
    extends its answer does not change the next caller's."""
    @wraps(function)
    def answer(*args):
        kept = getattr(_reading, "answers", None)
        if kept is None:
            return function(*args)
        key = (function, args)
        if key not in kept:
            kept[key] = function(*args)
        value = kept[key]
        return list(value) if isinstance(value, list) else value
    return answer
