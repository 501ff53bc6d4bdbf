"""While a report's figures are counted nothing is written, yet the same facts are asked for
many times: the tree a dozen times (25 ms each for 1,800 organisations), the roster at the
year's end by the ratings and by the residence lines (0.18 s each at 30,000 members), the
headcount at a date by two movement tables. Within `reading_once()` a function marked
`@read_once` answers each set of arguments from its first reading.

Per thread: the window counts figures on a worker while its own thread may read the records
as they stand. Outside the block every call reads afresh."""

import inspect
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
    """Answers kept for the block; a list or a dict is handed out as a copy, so a caller that
    sorts or extends its answer does not change the next caller's. A question is known by its
    arguments with the defaults filled in: headcount(day) is headcount(day, None)."""
    signature = inspect.signature(function)

    @wraps(function)
    def answer(*args, **kwargs):
        kept = getattr(_reading, "answers", None)
        if kept is None:
            return function(*args, **kwargs)
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        key = (function, bound.args, tuple(sorted(bound.kwargs.items())))
        if key not in kept:
            kept[key] = function(*args, **kwargs)
        value = kept[key]
        return type(value)(value) if isinstance(value, (list, dict)) else value
    return answer
