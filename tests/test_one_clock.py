"""One clock (models/core/clock.py): no other module of the program reads the date or the time
of day for itself, so the demo's --today and the tests' clock reach every "today"."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLOCK = ROOT / "models" / "core" / "clock.py"
# date.today(), datetime.now(), datetime.utcnow(), time.time() (seconds since 1970: a date in
# disguise) and the like, under whatever name they were imported.
READERS = {"date": {"today"}, "datetime": {"now", "today", "utcnow"},
           "time": {"time", "time_ns", "localtime", "gmtime", "ctime"}}


def _names(tree: ast.AST) -> dict[str, str]:
    """Local name → 'date' / 'datetime' / 'time' for the classes and modules that read clocks."""
    names = {"date": "date", "datetime": "datetime", "time": "time"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "datetime":
            names.update({a.asname or a.name: a.name for a in node.names if a.name in READERS})
        elif isinstance(node, ast.Import):
            names.update({a.asname or a.name: a.name for a in node.names if a.name in READERS})
    return names


def clock_reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names, found = _names(tree), []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "time":
            found += [f"{path.name}:{node.lineno} from time import {a.name}" for a in node.names
                      if a.name in READERS["time"]]
        # Called or handed over (a column's default=datetime.now reads the clock at each insert).
        if isinstance(node, ast.Attribute):
            owner = node.value  # date in date.today, or datetime.date in datetime.date.today
            local = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if node.attr in READERS.get(names.get(local, local), ()):
                found.append(f"{path.name}:{node.lineno} {local}.{node.attr}")
    return found


def program_sources() -> list[Path]:
    paths = [ROOT / "main.py"]
    for folder in ("models", "reports", "ui"):
        paths += sorted((ROOT / folder).rglob("*.py"))
    return [path for path in paths if path != CLOCK]


def test_only_the_clock_module_reads_the_date():
    offenders = [read for path in program_sources() for read in clock_reads(path)]
    assert offenders == []


def test_the_check_sees_each_way_of_reading_the_date(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import datetime, time\nimport time as t\nfrom datetime import date, datetime as dt\n"
                      "from time import time_ns\n"
                      "date.today()\ndatetime.datetime.now()\ndt.now()\ntime.time()\nt.localtime()\n"
                      "dt.combine(date(2020, 1, 1), dt.min.time())\nField(default=datetime.datetime.now)\n",
                      encoding="utf-8")
    found = clock_reads(sample)
    assert [line.split(" ", 1)[1] for line in found] == [
        "from time import time_ns", "date.today", "datetime.now", "dt.now", "time.time", "t.localtime",
        "datetime.now"]
