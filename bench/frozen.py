"""The frozen program as a clerk gets it: bundle size, start time of a fresh process, and a
year-end report on the 30,000-member demo, against the same from the source tree.

    python bench/frozen.py [--runs 5]

Builds the one-folder program into bench/out/frozen (packaging/build.py, smoke test
included)."""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT / "bench"))

from startup import PASSWORD, USER, database_for  # noqa: E402 — the cached 30,000-member demo

TARGETS = {"bundle_mb": 350, "start": 1.0}


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tempfile.gettempdir())
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed:\n{done.stderr}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dist, work = OUT / "frozen" / "dist", OUT / "frozen" / "work"
    build = [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist), "--work", str(work)]
    subprocess.run(build, check=True, capture_output=True)
    bundle = dist / "DangVu"
    size = sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file()) / 1e6
    command = bundle / ("DangVuCmd.exe" if sys.platform == "win32" else "DangVuCmd")
    env = {**os.environ, "DANGVU_KEY_DIR": tempfile.mkdtemp(prefix="dangvu-khoa-")}
    frozen_start = statistics.median(timed([str(command), "--help"], env) for _ in range(args.runs))
    source_start = statistics.median(timed([sys.executable, str(ROOT / "main.py"), "--help"], env)
                                     for _ in range(args.runs))
    database = database_for(30000)
    out = Path(tempfile.mkdtemp()) / "bao-cao.pdf"
    report = [str(command), "report", "year-end", "--year", "2025", "--db", str(database), "-o", str(out),
              "--user", USER]
    env_report = {**env, "DANGVU_PASSWORD": PASSWORD}
    frozen_report = statistics.median(timed(report, env_report) for _ in range(3))
    print("Đảng vụ frozen program (one folder, PyInstaller)")
    print(f"  bundle size                      {size:7.0f} MB  (≤ {TARGETS['bundle_mb']} MB "
          f"{'đạt' if size <= TARGETS['bundle_mb'] else 'CHƯA ĐẠT'})")
    verdict = "đạt" if frozen_start <= TARGETS["start"] else "CHƯA ĐẠT"
    limit = TARGETS["start"] * 1000
    print(f"  start (--help), frozen           {frozen_start * 1000:7.0f} ms  (≤ {limit:.0f} ms "
          f"{verdict}); from source {source_start * 1000:.0f} ms")
    print(f"  year-end report, 30,000 members  {frozen_report * 1000:7.0f} ms  (frozen, fresh process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
