"""The demo, `check` and both conference reports on the days a calendar trips code: the first
days of a year (no meeting held yet), 29 February, the ends of the quarters, every day of one
December (the demo once wrote tomorrow's meeting on 04/12/2026) and Tết; at the small size and
at the README's (75 organisations, 2.700 members). On each day the demo writes nothing after
that day, `check` finds nothing, and the reports print the figures as counted that day.

Each day runs in a process of its own with the clock set to that day (tests/clock.py), two at a
time, the days asked for by this run all at once: a default-size demo takes some 10 s."""

import contextlib
import io
import multiprocessing
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from peewee import DateField, DateTimeField
from pypdf import PdfReader

TET_2027 = date(2027, 2, 6)  # Tết Đinh Mùi
DAYS = [date(2027, 1, 1), date(2027, 1, 2), TET_2027, date(2028, 2, 29), date(2027, 3, 31), date(2027, 6, 30),
        date(2027, 7, 1), date(2027, 9, 30), date(2027, 10, 1),
        *(date(2026, 12, day) for day in range(1, 32))]
SIZES = {"nho": ("--orgs", "6", "--members", "200"), "mac-dinh": ()}  # the README's demo: 75 and 2.700
WORKERS = 2


@dataclass(frozen=True)
class DayInTheOffice:
    built: int
    dated_after: dict[str, int]
    checked: int
    year_end: str
    half_year: str
    said: str


# What names the future by its nature: a report request for the quarter under way covers days
# still to come and is due after them. Every other date is of something that happened.
ABOUT_THE_FUTURE = {"return_request.period_end", "return_request.due_on"}


def _dated_after(day: date) -> dict[str, int]:
    """Rows of every table with a date (or a moment) after `day`, by table and column."""
    from models.storage.transfer import TABLES

    found = {}
    for model in TABLES:
        for field in model._meta.sorted_fields:
            if f"{model._meta.table_name}.{field.name}" in ABOUT_THE_FUTURE:
                continue
            if isinstance(field, DateTimeField):
                later = field >= datetime.combine(day + timedelta(days=1), datetime.min.time())
            elif isinstance(field, DateField):
                later = field > day
            else:
                continue
            count = model.select().where(later).count()
            if count:
                found[f"{model._meta.table_name}.{field.name}"] = count
    return found


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def year_end_year(day: date) -> int:
    """The year-end report the office is writing: last year's until July, then this year's."""
    return day.year - 1 if day.month < 7 else day.year


def a_day_in_the_office(day: date, size: str) -> DayInTheOffice:
    """In a process of its own: the demo, check and both reports, the clock at `day`."""
    import main
    from models.core.db import close_database, open_database
    from tests.clock import clock_at

    said = io.StringIO()
    with tempfile.TemporaryDirectory() as folder, clock_at(day), contextlib.redirect_stderr(said), \
            contextlib.redirect_stdout(said):
        db = Path(folder) / "mau.db"
        built = main.main(["demo", "--db", str(db), *SIZES[size]])
        open_database(db)
        try:
            later = _dated_after(day)
        finally:
            close_database()
        checked = main.main(["check", "--db", str(db)])
        texts = []
        for kind, year in (("year-end", year_end_year(day)), ("half-year", day.year)):
            out = Path(folder) / f"{kind}.pdf"
            printed = main.main(["report", kind, "--year", str(year), "--db", str(db), "-o", str(out)])
            texts.append(_pdf_text(out) if printed == 0 else f"in báo cáo thất bại: {printed}")
    return DayInTheOffice(built, later, checked, *texts, said.getvalue())


def _name(value) -> str:
    return f"{value:%d-%m-%Y}" if isinstance(value, date) else str(value)


@pytest.fixture(scope="module")
def office_days(request) -> dict[tuple[date, str], DayInTheOffice]:
    """Every (day, size) this run asks for, worked out side by side before the first is checked."""
    asked = [(item.callspec.params["day"], item.callspec.params["size"]) for item in request.session.items
             if getattr(item, "originalname", "") == "test_the_demo_check_and_reports_on_this_day"]
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no Qt, no open database
    with ProcessPoolExecutor(WORKERS, mp_context=context) as pool:
        futures = {key: pool.submit(a_day_in_the_office, *key) for key in asked}
        return {key: future.result() for key, future in futures.items()}


@pytest.mark.calendar
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("day", DAYS, ids=_name)
def test_the_demo_check_and_reports_on_this_day(office_days, day, size):
    result = office_days[day, size]
    assert result.built == 0, result.said
    assert result.dated_after == {}
    assert result.checked == 0, result.said
    counted = f"(Số liệu tính đến ngày {day:%d/%m/%Y})"
    unfinished_year = year_end_year(day) == day.year and day < date(day.year, 12, 31)
    assert (counted in result.year_end) == unfinished_year
    assert (counted in result.half_year) == (day < date(day.year, 6, 30))
    for text in (result.year_end, result.half_year):
        assert "BÁO CÁO" in text and "T/M BAN THƯỜNG VỤ" in text
    if day < date(day.year, 6, 30):
        assert f"Đến ngày {day:%d/%m/%Y}, Đảng bộ Khối có" in result.half_year  # as the note above it
        assert "Sau ngày 30/06" in result.said  # the clerk is told how to print the final figures
