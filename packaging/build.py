"""Build the one-folder program with PyInstaller on this machine, then smoke-test the frozen
program as a clerk would use it: build a demo database, print a year-end report (its text
checked), run `check` — through DangVuCmd, the command-line program — and open the window
(DangVu, offscreen) and see it stay up without a traceback.

    python packaging/build.py [--dist DIR] [--work DIR]

Prints the bundle's size and the frozen program's start time. Exits non-zero on any failure."""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "dangvu.spec"
WINDOW_SECONDS = 8  # the window must stay up this long


def build(dist: Path, work: Path) -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True, cwd=ROOT)
    for name in ("DangVu", "DangVuCmd"):
        if not program(dist, name).is_file():
            raise SystemExit(f"no program at {program(dist, name)}")
    return dist / "DangVu"


def program(dist: Path, name: str) -> Path:
    return dist / "DangVu" / (f"{name}.exe" if sys.platform == "win32" else name)


def smoke_test(bundle: Path) -> dict:
    commands, window_program = program(bundle.parent, "DangVuCmd"), program(bundle.parent, "DangVu")
    folder = Path(tempfile.mkdtemp(prefix="dangvu-dong-goi-"))
    env = {**os.environ, "DANGVU_KEY_DIR": str(folder / "khoa"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DANGVU_DB", None)

    def run(*args: str) -> subprocess.CompletedProcess:
        done = subprocess.run([str(commands), *args], cwd=folder, env=env, capture_output=True, text=True,
                              timeout=600)
        if done.returncode != 0 or "Traceback" in done.stderr:
            raise SystemExit(f"DangVuCmd {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
        return done

    started = time.perf_counter()
    run("--help")
    start_seconds = time.perf_counter() - started
    run("demo", "--db", "demo.db", "--orgs", "8", "--members", "250", "--seed", "4")
    run("report", "year-end", "--year", "2025", "--db", "demo.db", "-o", "bao-cao.pdf")
    text = "".join(page.extract_text() for page in PdfReader(folder / "bao-cao.pdf").pages)
    if "BÁO CÁO" not in text or "đảng viên" not in text:
        raise SystemExit("the frozen program's report has no report text")
    run("check", "--db", "demo.db")
    # A document from a record, as Word: its templates, facts and the Word writer are frozen too.
    run("document", "phieu-dang-vien", "--for", "1", "--db", "demo.db", "-o", "phieu.docx")
    if not (folder / "phieu.docx").stat().st_size:
        raise SystemExit("the frozen program wrote an empty member sheet")
    window = subprocess.Popen([str(window_program), "--db", "demo.db"], cwd=folder, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(WINDOW_SECONDS)
    alive = window.poll() is None
    window.kill()
    _out, err = window.communicate()
    if not alive or "Traceback" in err:
        raise SystemExit(f"the frozen window did not stay up:\n{err}")
    shutil.rmtree(folder, ignore_errors=True)
    return {"start_seconds": start_seconds}


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build")
    args = parser.parse_args()
    bundle = build(args.dist, args.work)
    figures = smoke_test(bundle)
    size = folder_size(bundle) / 1e6
    print(f"DangVu built at {bundle}: {size:.0f} MB; `DangVuCmd --help` starts in "
          f"{figures['start_seconds'] * 1000:.0f} ms; demo, report, check and the window passed.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
