"""The clock in the tests. The program reads one clock (models/core/clock.py); the tests move
it with time-machine, in this process and in the processes a test starts (they inherit
DANGVU_TEST_TODAY and tests/clock_in_children/sitecustomize.py reads it).

- `DANGVU_TEST_TODAY=YYYY-MM-DD` runs the whole suite on that day (.ci/run does, once, on a
  random day of the next two years).
- Tests that build the demo run on DEMO_DAY whatever the day, so they give the same answer on
  any day (`demo_clock` fixture); tests about the calendar choose their own days (`clock_at`)."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from pathlib import Path

import time_machine

ENV = "DANGVU_TEST_TODAY"
CHILDREN = Path(__file__).resolve().parent / "clock_in_children"
DEMO_DAY = date(2026, 12, 4)  # the day the demo once wrote tomorrow; the newest dates the tests name
MORNING = time(9, 30)


def suite_day() -> date | None:
    text = os.environ.get(ENV, "").strip()
    return date.fromisoformat(text) if text else None


def start_suite_clock() -> date | None:
    """Move the clock for the whole run when DANGVU_TEST_TODAY asks, and let processes the
    tests start find the same clock."""
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CHILDREN), os.environ.get("PYTHONPATH")]))
    day = suite_day()
    if day:
        time_machine.travel(datetime.combine(day, MORNING), tick=True).start()
    return day


@contextmanager
def clock_at(day: date) -> Iterator[None]:
    """Today is `day` here and in every process started meanwhile; the time of day runs on."""
    before = os.environ.get(ENV)
    os.environ[ENV] = day.isoformat()
    try:
        with time_machine.travel(datetime.combine(day, MORNING), tick=True):
            yield
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before
