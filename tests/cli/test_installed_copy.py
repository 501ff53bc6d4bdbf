"""An installed copy prints (reported: `pip install .` left resources/ behind, so `report`
died on "Can't open file .../resources/fonts/LiberationSerif-Regular.ttf", and there was no
`dangvu` command). The wheel is built from a copy of the sources, installed outside the
source tree, and its `dangvu` command run from a folder that has no sources in it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = ["models", "reports", "ui", "resources", "main.py", "setup.cfg", "pyproject.toml", "README.md"]


def _copy_sources(target: Path) -> None:
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)


def test_the_wheel_installs_and_its_command_prints_a_report(tmp_path):
    sources, wheels, site, work = (tmp_path / name for name in ("nguon", "wheel", "cai-dat", "lam-viec"))
    _copy_sources(sources)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "wheel", str(sources), "--no-deps", "-w", str(wheels)], check=True)
    (wheel,) = wheels.glob("dangvu-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(site), str(wheel)], check=True)
    command = site / "bin" / "dangvu"
    assert command.is_file() and (site / "resources" / "fonts" / "LiberationSerif-Regular.ttf").is_file()
    work.mkdir()
    # The installed copy only: the source tree is neither the working folder nor on the path.
    env = {**os.environ, "PYTHONPATH": str(site), "DANGVU_KEY_DIR": str(tmp_path / "khoa")}
    env.pop("DANGVU_DB", None)

    def dangvu(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(command), *args], cwd=work, env=env, capture_output=True,
                              text=True, timeout=300)

    where = subprocess.run([sys.executable, "-c", "import reports, resources; print(reports.__file__)"],
                           cwd=work, env=env, capture_output=True, text=True, check=True)
    assert Path(where.stdout.strip()).is_relative_to(site)
    built = dangvu("demo", "--db", "demo.db", "--orgs", "8", "--members", "250", "--seed", "4")
    assert built.returncode == 0, built.stderr
    printed = dangvu("report", "year-end", "--year", "2025", "--db", "demo.db", "-o", "bao-cao.pdf")
    assert printed.returncode == 0, printed.stderr
    text = "".join(page.extract_text() for page in PdfReader(work / "bao-cao.pdf").pages)
    assert "BÁO CÁO" in text and "Traceback" not in printed.stderr
