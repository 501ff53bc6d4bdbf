"""The reporting system at the size of a large bloc, in fresh processes as a clerk runs it:
a quarterly request out to every grassroots organisation, the workbooks filled (every blank
line typed), brought back as one .zip with a dry run first, the status, the summary; then a
sitting opened (`login`) and, without the password, the status again, the last quarter's dues
taken from the returns (dry run) and printed, and the year-end report. Prints each step's wall
time and peak memory (the process's own, VmHWM) beside its target; asserts nothing.

    python bench/returns.py [--members 30000] [--orgs 200]

The demo is built once into bench/out/returns-<orgs>-<members>.db (minutes at 30,000) and
copied for each run, so the runs start alike. Targets: each step ≤ 10 s at 30,000 members
and 200 organisations, and the status (what the page shows) ≤ 2 s. Every step signs in as an
office's clerks do (one password check each)."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).parent / "out"

from models.core import clock  # noqa: E402
from models.dues import last_quarter_ended  # noqa: E402

TARGETS = {"request": 10, "export": 10, "import --dry-run": 10, "import": 10, "status": 2, "summary": 10,
           "login": 2, "status, phiên": 2, "dues from-returns": 10, "dues report": 10,
           "report year-end": 1.5}


USER, PASSWORD = "bench", "mat-khau-do-thu-2026"


def main_py(db: Path, *words: str, user: str | None = USER,
            password: bool = True) -> tuple[float, float, str]:
    """Seconds and peak MB of one command in a process of its own (`password`: given, else only
    a sitting signs it in)."""
    started = time.monotonic()
    probe = ("import resource, runpy, sys; sys.argv = sys.argv[1:]; "
             "code = 0\ntry:\n    runpy.run_path(sys.argv[0], run_name='__main__')\n"
             "except SystemExit as stop:\n    code = stop.code or 0\n"
             # The process's own peak: ru_maxrss would carry this script's over the exec.
             "import re\ntry:\n"
             "    peak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
             "except OSError:\n    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
             "print('PEAK', peak, file=sys.stderr)\n"
             "sys.exit(code)")
    signed = ["--user", user] if user else []
    env = {**os.environ, "DANGVU_PASSWORD": PASSWORD, "DANGVU_NEW_PASSWORD": PASSWORD}
    if not password:
        env.pop("DANGVU_PASSWORD")
    command = [sys.executable, "-c", probe, str(ROOT / "main.py"), *words, "--db", str(db), *signed]
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    seconds = time.monotonic() - started
    peak = next((int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK")), 0)
    if done.returncode not in (0, 4):
        raise SystemExit(f"{' '.join(words)}: {done.stderr[-800:]}")
    return seconds, peak / 1024, done.stdout


def fill(folder: Path) -> None:
    from openpyxl import load_workbook

    from models.returns.workbooks import FIRST_ROW, SHEET

    for index, path in enumerate(sorted(folder.glob("*.xlsx"))):
        book = load_workbook(path)
        sheet = book[SHEET]
        for row in range(FIRST_ROW, sheet.max_row + 1):
            cell = sheet.cell(row=row, column=3)
            if cell.value is None:
                cell.value = "Hoàn thành tốt nhiệm vụ." if sheet.cell(row=row, column=4).value == "lời văn" \
                    else index % 4
        book.save(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=30000)
    parser.add_argument("--orgs", type=int, default=200)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    built = OUT / f"returns-{args.orgs}-{args.members}.db"
    if not built.exists():
        print(f"Building the demo ({args.orgs} organisations, {args.members} members)…", flush=True)
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--db", str(built), "--orgs",
                        str(args.orgs), "--members", str(args.members)], check=True, capture_output=True)
        # Offices work signed in: a file without accounts re-reads its whole trail on every
        # command to make sure no account was deleted behind its back (issue 28).
        main_py(built, "user", "add", USER, "--name", "Đo Thử", "--role", "ADMIN", user=None)
    work = Path(tempfile.mkdtemp(prefix="dangvu-bench-bao-cao-"))
    db = work / "khoi.db"
    shutil.copy(built, db)
    figures = {}
    figures["request"] = main_py(db, "returns", "request", "--kind", "ad-hoc", "--year", "2026", "--title",
                                 "Báo cáo đo thử", "--start", "01/07/2026", "--end", "30/09/2026")
    request_id = figures["request"][2].split("yêu cầu số ")[1].split(":")[0]
    figures["export"] = main_py(db, "returns", "export", request_id, "-o", str(work / "mau"))
    fill(work / "mau")
    bundle = work / "gui-ve.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as package:
        for path in (work / "mau").glob("*.xlsx"):
            package.write(path, path.name)
    figures["import --dry-run"] = main_py(db, "returns", "import", str(bundle), "--dry-run")
    figures["import"] = main_py(db, "returns", "import", str(bundle))
    figures["status"] = main_py(db, "returns", "status", request_id)
    figures["summary"] = main_py(db, "returns", "summary", request_id, "-o", str(work / "tong-hop.pdf"))
    # The same clerk's next commands within a sitting: one password check for all of them.
    figures["login"] = main_py(db, "login")
    figures["status, phiên"] = main_py(db, "returns", "status", request_id, password=False)
    today = clock.today()
    year, quarter = last_quarter_ended(today)
    period = ["--year", str(year), "--quarter", str(quarter)]
    figures["dues from-returns"] = main_py(db, "dues", "from-returns", *period, "--dry-run", password=False)
    figures["dues report"] = main_py(db, "dues", "report", *period, "-o", str(work / "dang-phi.pdf"),
                                     password=False)
    figures["report year-end"] = main_py(db, "report", "year-end", "--year", str(today.year), "-o",
                                         str(work / "tong-ket.pdf"), password=False)
    books = len(list((work / "mau").glob("*.xlsx")))
    members = f"{args.members:,}".replace(",", ".")
    print(f"{members} đảng viên, {books} tổ chức cơ sở đảng; mỗi bước là một tiến trình mới.")
    print(f"{'bước':<18}{'giây':>8}{'mục tiêu':>10}{'bộ nhớ MB':>12}")
    for step, (seconds, peak, _out) in figures.items():
        print(f"{step:<18}{seconds:>8.2f}{'≤ ' + str(TARGETS[step]):>10}{peak:>12.0f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
