"""Benchmark of the year-end report (figures, draft, PDF with annexes) on demo databases.
Prints measured figures; asserts nothing.

    python bench/report.py [--members 2700 30000] [--keep]

Targets (issue 7): default demo under 2 s; 200 organisations and 30,000 members under 5 s,
peak memory under 300 MB.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.core.db import close_database, open_database
from models.demo.build import DemoSize, build_demo
from reports.conference import draft_for, render_report, report_period  # noqa: E402
from reports.figures import period_figures  # noqa: E402
from reports.outline import YEAR_END  # noqa: E402

SIZES = {2700: 75, 30000: 200}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, nargs="+", default=[2700, 30000])
    parser.add_argument("--keep", action="store_true", help="keep the databases in bench/out/")
    args = parser.parse_args()
    folder = Path(__file__).parent / "out" if args.keep else Path(tempfile.mkdtemp())
    folder.mkdir(exist_ok=True)
    year = date.today().year - 1
    print(f"Đảng vụ report benchmark — year-end report {year}")
    for members in args.members:
        orgs = SIZES.get(members, 75)
        path = folder / f"bench-{orgs}-{members}.db"
        if not path.exists():
            open_database(path)
            build_demo(DemoSize(orgs, members, 2026))
            close_database()
        open_database(path)
        start = time.perf_counter()
        figures = period_figures(*report_period(YEAR_END, year))
        figures_s = time.perf_counter() - start
        draft = draft_for(YEAR_END, year, figures)
        out = folder / f"report-{members}.pdf"
        render_report(out, draft, figures, date.today(), 1)
        total = time.perf_counter() - start
        close_database()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {orgs} organisations, {members} members: figures {figures_s:.2f} s, "
              f"report with annexes {total:.2f} s, {out.stat().st_size // 1024} KB, "
              f"peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
