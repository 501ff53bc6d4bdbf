"""The same office on both engines: the 30,000-member demo in its SQLite file and on a local
PostgreSQL server, each measured in a fresh process — opening, the member list's first rows,
a search keystroke, the year-end report. Prints measured figures; asserts nothing.

    python bench/server.py --server postgresql://dangvu@127.0.0.1:5432/dangvu_bench [--members 30000]

The server database must be empty or hold this demo already (it is filled once, by
`transfer` from bench/out/bench-200-30000.db, built if missing)."""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.core.db import close_database, open_database  # noqa: E402
from models.demo.build import DemoSize, build_demo  # noqa: E402
from models.members.tables import Member  # noqa: E402
from models.storage.transfer import transfer_database  # noqa: E402

ORGS = {2700: 75, 30000: 200, 100000: 600}
KEYSTROKES = "nguyen van duc"


def probe(where: str) -> dict:
    """In this fresh process: open, list, search, report — as a clerk meets them."""
    from PySide6.QtWidgets import QApplication

    from reports.conference import draft_for, render_report, report_period
    from reports.figures import period_figures
    from reports.outline import YEAR_END
    from ui.members.page import MembersPage

    app = QApplication.instance() or QApplication([])
    figures = {}
    started = time.perf_counter()
    open_database(where)
    figures["open"] = time.perf_counter() - started
    started = time.perf_counter()
    page = MembersPage()
    page.resize(1200, 800)
    page.show()
    app.processEvents()
    page.grab()  # the visible rows painted: their data fetched
    figures["first_rows"] = time.perf_counter() - started
    figures["listed"] = page.model.rowCount()
    per_key = []
    for length in range(1, len(KEYSTROKES) + 1):
        page.search.setText(KEYSTROKES[:length])
        started = time.perf_counter()
        page.search.flush()
        page.view.viewport().grab()
        per_key.append(time.perf_counter() - started)
    figures["keystroke_mean"], figures["keystroke_max"] = statistics.mean(per_key), max(per_key)
    year = date.today().year - 1
    started = time.perf_counter()
    numbers = period_figures(*report_period(YEAR_END, year))
    figures["report_figures"] = time.perf_counter() - started
    out = Path(tempfile.mkdtemp()) / "bao-cao.pdf"
    render_report(out, draft_for(YEAR_END, year, numbers), numbers, date.today(), 1)
    figures["report"] = time.perf_counter() - started
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    close_database()
    return figures


def fresh_process(where: str) -> dict:
    result = subprocess.run([sys.executable, __file__, "--probe", where], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"probe failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def demo_file(members: int) -> Path:
    path = ROOT / "bench" / "out" / f"bench-{ORGS.get(members, 75)}-{members}.db"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        open_database(path)
        build_demo(DemoSize(ORGS.get(members, 75), members, 2026))
        close_database()
    return path


def filled_server(server: str, path: Path, members: int) -> float | None:
    """The demo on the server: transferred once (its time returned), reused after."""
    open_database(server)
    held = Member.select().count()
    close_database()
    if held:
        return None
    started = time.perf_counter()
    transfer_database(path, server)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", help="postgresql://… of an empty database, or one this bench filled")
    parser.add_argument("--members", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--probe")
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe)))
        return 0
    if not args.server:
        parser.error("--server is needed")
    path = demo_file(args.members)
    moved = filled_server(args.server, path, args.members)
    print(f"Đảng vụ — the same {args.members:,}-member office on SQLite and on PostgreSQL "
          f"(fresh process each, median of {args.runs})")
    if moved is not None:
        print(f"  transfer of the file onto the server: {moved:.1f} s")
    results = {}
    for name, where in (("SQLite file", str(path)), ("PostgreSQL (local)", args.server)):
        runs = [fresh_process(where) for _ in range(args.runs)]
        results[name] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    rows = (("open (migrations checked)", "open", 1000, "ms"),
            ("member list, first rows", "first_rows", 1000, "ms"),
            ("search keystroke, mean", "keystroke_mean", 1000, "ms"),
            ("search keystroke, worst", "keystroke_max", 1000, "ms"),
            ("year-end report figures", "report_figures", 1, "s"),
            ("year-end report with annexes (PDF)", "report", 1, "s"), ("peak memory", "peak_mb", 1, "MB"))
    print(f"  {'':36}" + "".join(f"{name:>22}" for name in results))
    for label, key, scale, unit in rows:
        digits = 0 if scale > 1 or unit == "MB" else 2
        cells = "".join(f"{results[name][key] * scale:>19.{digits}f} {unit:<2}" for name in results)
        print(f"  {label:36}{cells}")
    listed = ", ".join(f"{name} {int(figures['listed'])}" for name, figures in results.items())
    print(f"  rows listed: {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
