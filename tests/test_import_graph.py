"""The shape of the house, read from the imports: models/ has no import cycle, no project
import hides inside a function, and ui/, reports/ and main.py reach a domain only through
its face (the package's __init__), never a module behind it."""

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("models", "reports", "ui")
DOMAINS = sorted(p.name for p in (ROOT / "models").iterdir()
                 if (p / "__init__.py").exists() and p.name not in {"core", "migrations"})


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_files() -> list[Path]:
    files = [ROOT / "main.py"]
    for package in PROJECT:
        files += sorted((ROOT / package).rglob("*.py"))
    return files


def face_homes(package: str) -> dict[str, str]:
    """What a lazy face offers: each name and the module that defines it."""
    face = importlib.import_module(package)
    return {name: f"{package}.{module}" for module, names in _exports(package).items() for name in names
            if name in face.__all__}


def _exports(package: str) -> dict[str, tuple[str, ...]]:
    tree = ast.parse((ROOT / package.replace(".", "/") / "__init__.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "face":
            return ast.literal_eval(node.args[1])
    return {}


def imports_of(path: Path) -> list[tuple[str, str | None, bool]]:
    """(module, imported name or None, inside a function?) for every project import."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
              for n in ast.walk(f) if n is not f}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, None, id(node) in nested) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.module, alias.name, id(node) in nested) for alias in node.names]
    return [item for item in found if item[0].split(".")[0] in PROJECT]


def resolved(module: str, name: str | None, homes: dict[str, dict[str, str]]) -> str:
    """The module an import really loads: a name from a face is loaded from its home; a name
    that is a submodule is that submodule."""
    if name is None:
        return module
    if module in homes and name in homes[module]:
        return homes[module][name]
    if (ROOT / module.replace(".", "/") / f"{name}.py").exists():
        return f"{module}.{name}"
    return module


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    homes = {f"models.{domain}": face_homes(f"models.{domain}") for domain in DOMAINS}
    edges: dict[str, set[str]] = {}
    for path in project_files():
        edges[module_name(path)] = {resolved(m, n, homes) for m, n, _ in imports_of(path)}
    return edges


def find_cycle(edges: dict[str, set[str]], within: str) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if not nxt.startswith(within):
                continue
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node.startswith(within) and node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_models_have_no_import_cycle(graph):
    assert find_cycle(graph, "models") is None


def test_domains_call_each_other_in_one_direction(graph):
    """Package by package, leaving out reads of another domain's tables (a table module imports
    only core and other table modules): the rules of the domains form no cycle."""
    packages: dict[str, set[str]] = {}
    for module, targets in graph.items():
        if module.count(".") < 2 or not module.startswith("models."):
            continue
        here = module.split(".")[1]
        for target in targets:
            parts = target.split(".")
            if parts[0] == "models" and len(parts) > 2 and parts[1] != here and parts[-1] != "tables":
                packages.setdefault(f"models.{here}", set()).add(f"models.{parts[1]}")
    assert find_cycle(packages, "models") is None


def test_table_modules_import_only_core_and_tables(graph):
    offenders = [f"{module} imports {target}" for module, targets in graph.items()
                 if module.endswith(".tables") and module.startswith("models.")
                 for target in targets if target.startswith("models.")
                 and not (target.startswith("models.core") or target.endswith(".tables"))]
    assert offenders == []


def test_reports_have_no_import_cycle(graph):
    assert find_cycle(graph, "reports") is None


def test_the_cycle_finder_finds_one():
    assert find_cycle({"models.a": {"models.b"}, "models.b": {"models.a"}}, "models") == [
        "models.a", "models.b", "models.a"]


def test_no_project_import_inside_a_function():
    """An import inside a function is how the old cycles hid. ui/app.py may defer the main
    window until after sign-in (start-up speed), and says so where it does."""
    allowed = {("ui.app", "ui.main_window"), ("main", "ui.app")}
    offenders = []
    for path in project_files():
        for module, _name, nested in imports_of(path):
            if nested and (module_name(path), module) not in allowed:
                offenders.append(f"{path.relative_to(ROOT)}: {module}")
    assert offenders == []


def test_ui_reports_and_main_use_faces_only():
    offenders = []
    for path in project_files():
        here = module_name(path)
        if here.startswith("models"):
            continue
        for module, _name, _ in imports_of(path):
            parts = module.split(".")
            if parts[0] == "models" and len(parts) > 2 and parts[1] != "core":
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_every_name_a_face_offers_exists():
    for domain in DOMAINS:
        face = importlib.import_module(f"models.{domain}")
        for name in face.__all__:
            assert getattr(face, name) is not None, f"models.{domain}.{name}"
