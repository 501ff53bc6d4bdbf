"""The PyInstaller spec cannot rot: the one-folder program is built on this machine and
smoke-tested (demo, report with its text checked, check, the window offscreen) by
packaging/build.py, exactly as the Windows workflow does there."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_frozen_program_builds_and_does_a_clerks_first_day(tmp_path):
    command = [sys.executable, str(ROOT / "packaging" / "build.py"),
               "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "demo, report, check and the window passed" in done.stdout
    fonts = tmp_path / "dist" / "DangVu" / "_internal" / "resources" / "fonts"
    assert (fonts / "LiberationSerif-Regular.ttf").is_file()
    assert (fonts.parent / "icons" / "dangvu.png").is_file()
