"""models/, reports/ and the command line never import Qt: they run headless, in the CLI and
the tests. ui/ runs no SQL of its own."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_models_reports_and_commands_import_no_qt():
    """The command line is a user interface without windows: ui/commands/ runs headless too."""
    offenders = []
    for folder in ("models", "reports", "ui/commands"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in imported_modules(path):
                if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_ui_runs_no_sql_of_its_own():
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        for name in imported_modules(path):
            if name.split(".")[0] in {"peewee", "sqlite3", "playhouse"} or name == "models.tables":
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_the_checker_sees_a_qt_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport os\n", encoding="utf-8")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_no_module_grows_past_400_lines():
    """A file that grows past that splits by concern (DESIGN.md)."""
    long = []
    for folder in ("models", "reports", "ui", "tests", "bench"):
        for path in (ROOT / folder).rglob("*.py"):
            if (ROOT / "bench" / "out") in path.parents:
                continue  # what the benchmarks build (a frozen bundle holds other projects' code)
            lines = path.read_text(encoding="utf-8").count("\n")
            if lines > 400:
                long.append(f"{path.relative_to(ROOT)}: {lines}")
    assert long == []
