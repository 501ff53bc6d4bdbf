"""Benchmark of the member registry at the scale of a large bloc (200 organisations,
30,000 members). Prints measured figures; asserts nothing.

    python bench/members.py [--members 30000] [--orgs 200] [--keep]

Targets (issue 2): first rows of the member page < 300 ms, a search keystroke < 50 ms,
a year's movement table < 200 ms.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.core.db import close_database, open_database
from models.demo.build import DemoSize, build_demo
from models.members.counts import headcount, movement
from models.members.search import MemberFilter, member_ids

KEYSTROKES = "nguyen van duc"


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - start) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=30_000)
    parser.add_argument("--orgs", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database in bench/out/")
    args = parser.parse_args()

    folder = Path(__file__).parent / "out" if args.keep else Path(tempfile.mkdtemp())
    folder.mkdir(exist_ok=True)
    path = folder / f"bench-{args.orgs}-{args.members}.db"
    rows = []
    if not path.exists():
        open_database(path)
        build_ms, made = timed(build_demo, DemoSize(args.orgs, args.members, 2026))
        close_database()
        rows.append(("build demo database", f"{build_ms / 1000:.1f} s",
                     f"{made['members']} records, {made['cells']} cells"))

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    open_database(path)

    from ui.members.page import MembersPage

    start = time.perf_counter()
    page = MembersPage()
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    page.grab()  # paints the visible rows, so their data has been fetched
    first_rows_ms = (time.perf_counter() - start) * 1000
    shown = page.model.rowCount()
    rows.append(("member page: first rows shown", f"{first_rows_ms:.0f} ms", f"{shown} rows listed"))

    per_key = []
    for length in range(1, len(KEYSTROKES) + 1):
        page.search.setText(KEYSTROKES[:length])
        ms, _ = timed(lambda: (page.search.flush(), page.view.viewport().grab()))
        per_key.append(ms)
    rows.append(("search keystroke (model + repaint)",
                 f"{statistics.mean(per_key):.1f} ms mean, {max(per_key):.1f} max",
                 f"typing '{KEYSTROKES}', {page.model.rowCount()} matches at the end"))

    sort_ms, _ = timed(lambda: page.model.sort(3))
    rows.append(("sort by organisation (tree order)", f"{sort_ms:.0f} ms", ""))
    sort_ms, _ = timed(lambda: member_ids(MemberFilter(), "birth_date", True))
    rows.append(("sort by birth date (SQL)", f"{sort_ms:.0f} ms", ""))

    year = date.today().year - 1
    move_ms, table = timed(movement, date(year, 1, 1), date(year, 12, 31))
    rows.append((f"movement table {year}", f"{move_ms:.0f} ms",
                 f"A={table.opening} B={table.added} C={table.removed} D={table.closing}"))
    count_ms, count = timed(headcount, date.today())
    rows.append(("headcount today", f"{count_ms:.0f} ms", f"{count.total} counted"))

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory (RSS)", f"{peak_mb:.0f} MB", ""))
    close_database()

    width = max(len(r[0]) for r in rows)
    print(f"Đảng vụ benchmark — {args.orgs} organisations, {args.members} members, {path}")
    for name, figure, note in rows:
        print(f"  {name:<{width}}  {figure:>24}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
