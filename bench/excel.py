"""Benchmark of Excel import and export at the scale of a large bloc (30,000 members). Prints
measured figures; asserts nothing.

    python bench/excel.py [--members 30000] [--orgs 200] [--keep]

Target (issue 8): 30,000 rows imported in under 15 s.
"""

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.core.db import close_database, open_database
from models.demo.build import DemoSize, build_demo
from models.members.export import export_members
from models.members.import_plan import plan_import
from models.members.import_write import create_missing_orgs, import_members


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=30_000)
    parser.add_argument("--orgs", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the databases in bench/out/")
    args = parser.parse_args()
    folder = Path(__file__).parent / "out" if args.keep else Path(tempfile.mkdtemp())
    folder.mkdir(exist_ok=True)
    source = folder / f"bench-{args.orgs}-{args.members}.db"
    rows = []
    open_database(source)
    from models.members.tables import Member

    if Member.select().count() == 0:
        build_s, _ = timed(build_demo, DemoSize(args.orgs, args.members, 2026))
        rows.append(("build demo database", f"{build_s:.1f} s", ""))
    sheet = folder / f"danh-sach-{args.members}.xlsx"
    export_s, exported = timed(export_members, sheet)
    rows.append(("export the registry to xlsx", f"{export_s:.1f} s",
                 f"{exported} rows, {sheet.stat().st_size / 1e6:.1f} MB"))
    close_database()

    target = folder / f"nhap-{args.members}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    open_database(target)
    create_missing_orgs(plan_import(sheet))  # the tree first, as a clerk would confirm it
    plan_s, plan = timed(plan_import, sheet)
    rows.append(("read and check the file (plan)", f"{plan_s:.1f} s",
                 f"{len(plan.rows)} rows, {len(plan.problems)} problems"))
    write_s, result = timed(import_members, plan)
    rows.append(("write all rows (one transaction)", f"{write_s:.1f} s", f"{result.created} members created"))
    rows.append(("import total (plan + write)", f"{plan_s + write_s:.1f} s", "target < 15 s"))
    close_database()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(("peak memory (RSS)", f"{peak_mb:.0f} MB", ""))
    width = max(len(r[0]) for r in rows)
    print(f"Đảng vụ Excel benchmark — {args.members} members")
    for name, figure, note in rows:
        print(f"  {name:<{width}}  {figure:>10}  {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
