"""Started by Python in every process a test starts (PYTHONPATH): the same day as the test's
clock (tests/clock.py), so a command run as a process sees the day its test chose."""

import os

_day = os.environ.get("DANGVU_TEST_TODAY", "").strip()
if _day:
    from datetime import date, datetime, time

    import time_machine  # a process without it cannot keep the test's day: better to fail loudly

    time_machine.travel(datetime.combine(date.fromisoformat(_day), time(9, 30)), tick=True).start()
