"""A command whose reader stops early (`main.py returns list | head -1`, a script that closes
the pipe) ends quietly: it said "Không đọc hay ghi được tệp: lỗi hệ thống (Broken pipe)", as if
the data file had failed."""

import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.core.db import close_database, open_database

ROOT = Path(main.__file__).resolve().parent


@pytest.mark.file_only
def test_a_reader_that_stops_early_gets_no_file_error(tmp_path):
    path = tmp_path / "du-lieu.db"
    open_database(path)
    close_database()
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "returns", "list", "--db", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    process.stdout.close()  # the reader gone before the first line
    said = process.stderr.read().decode("utf-8")
    process.wait()
    assert "Không đọc hay ghi được tệp" not in said
    assert "Broken pipe" not in said and "Traceback" not in said and "Exception ignored" not in said
