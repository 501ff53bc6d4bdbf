"""Shared fixtures: a real SQLite file built by the migrations; Qt offscreen."""

import os
import sys
import tempfile
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DANGVU_DB", None)
# The audit trail's signing key: the tests' own, never the account's real one.
os.environ["DANGVU_KEY_DIR"] = tempfile.mkdtemp(prefix="dangvu-khoa-")

from models.core import vocab as v
from models.core.db import close_database, open_database
from tests.clock import DEMO_DAY, clock_at, start_suite_clock

SUITE_DAY = start_suite_clock()


def pytest_report_header(config):
    shown = SUITE_DAY or "hôm nay (đồng hồ thật)"
    return f"Đồng hồ của bộ kiểm thử: {shown} — lặp lại bằng DANGVU_TEST_TODAY=YYYY-MM-DD"


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """A failure names the day the clock was at, so the run can be repeated on it."""
    if exitstatus != 0:
        day = (SUITE_DAY or date.today()).isoformat()
        terminalreporter.write_line(f"Chạy với đồng hồ ở ngày {day}: lặp lại bằng DANGVU_TEST_TODAY={day}")


@pytest.fixture
def demo_clock():
    """Tests that build the demo run on one fixed day, so they answer the same on any day."""
    with clock_at(DEMO_DAY):
        yield DEMO_DAY

# The models, reports and command-line tests run once on each engine when a PostgreSQL server
# is there for them (`.ci/postgres` starts one and sets DANGVU_TEST_PG); the UI's on the file.
BOTH_ENGINES = ("tests/models/", "tests/reports/", "tests/cli/")
ENGINES = ["sqlite", "postgresql"] if os.environ.get("DANGVU_TEST_PG") else ["sqlite"]


def pytest_generate_tests(metafunc):
    if "engine" in metafunc.fixturenames:
        path = metafunc.definition.path.as_posix()
        file_only = metafunc.definition.get_closest_marker("file_only") is not None
        on_both = any(part in path for part in BOTH_ENGINES) and not file_only
        metafunc.parametrize("engine", ENGINES if on_both else ["sqlite"], scope="function")


@pytest.fixture
def engine():
    """Replaced by pytest_generate_tests with the engines a test runs on."""
    return "sqlite"


@pytest.fixture
def db(tmp_path, engine):
    server_db = None
    if engine == "postgresql":
        from tests.server_cluster import new_database

        server_db, where = new_database()
    else:
        where = tmp_path / "dangvu.db"
    database = open_database(where)
    yield database
    if "PySide6.QtCore" in sys.modules:  # work a test left under way ends before the file closes
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(30_000)
    close_database()
    if server_db:
        from tests.server_cluster import drop_database

        drop_database(server_db)


@pytest.fixture
def db_location(db) -> str:
    """Where the test's database is, as --db takes it: the file's path or the server's address."""
    return str(db.database)


@pytest.fixture
def bloc_tree(db):
    """A bloc with one đảng bộ cơ sở (two cells) and one chi bộ cơ sở."""
    from models.orgs.changes import create_org

    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK")
    base = create_org(name="Đảng bộ Sở Tài chính", level=v.DBCS, parent_id=bloc.id, code="ĐU")
    cell_a = create_org(name="Chi bộ Phòng Ngân sách", level=v.CBTT, parent_id=base.id)
    cell_b = create_org(name="Chi bộ Văn phòng Sở", level=v.CBTT, parent_id=base.id)
    small = create_org(name="Chi bộ Sở Tư pháp", level=v.CBCS, parent_id=bloc.id, code="CB")
    return {"bloc": bloc, "base": base, "cell_a": cell_a, "cell_b": cell_b, "small": small}


def person(**overrides) -> dict:
    fields = {
        "full_name": "Nguyễn Văn Đức",
        "sex": "M",
        "birth_date": date(1980, 5, 15),
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def make_member(bloc_tree):
    """Create a member admitted into a cell (cell_a unless told otherwise)."""
    from models.members.events import create_member

    def make(org=None, admitted=date(2010, 3, 1), **fields):
        org = org or bloc_tree["cell_a"]
        return create_member(person(**fields), {"kind": v.ADMITTED, "date": admitted, "org_id": org.id})

    return make


@pytest.fixture(autouse=True)
def _qt_test_settings():
    """Settings and app data go to Qt's test locations, never the clerk's real ones."""
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    QCoreApplication.setOrganizationName("DangVuTests")
    QCoreApplication.setApplicationName("dangvu-tests")
    QSettings().clear()
    yield


def type_text(widget, text: str) -> None:
    """Type text into a focused-able widget, one key event per character.

    qtbot.keyClicks aborts on non-ASCII characters (qasciikey.cpp), so Vietnamese text is
    sent as key events that carry the character in their text."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


class MemoryStore:
    """Stands in for the operating system's credential store."""

    priority = 5

    def __init__(self):
        self.kept = {}

    def get_password(self, service, key):
        return self.kept.get((service, key))

    def set_password(self, service, key, password):
        self.kept[(service, key)] = password

    def delete_password(self, service, key):
        self.kept.pop((service, key), None)

    def get_keyring(self):
        return self


@pytest.fixture(autouse=True)
def _no_credential_store(monkeypatch):
    """Tests never read or write the machine's real credential store: by default there is none."""
    monkeypatch.setattr("models.core.os_store.keyring", None)


@pytest.fixture
def memory_store(monkeypatch):
    """A credential store of the test's own."""
    store = MemoryStore()
    monkeypatch.setattr("models.core.os_store.keyring", store)
    return store


@pytest.fixture(autouse=True)
def _nobody_signed_in():
    """Each test starts and ends with no signed-in user."""
    from models.accounts import session

    session.set_current(None)
    yield
    session.set_current(None)


def finish(qtbot, task, timeout: int = 30_000):
    """Wait until a task of ui/tasks.py has handed its result back to the UI thread."""
    assert task is not None, "no task was started"
    if task.result is None and task.error is None:
        with qtbot.waitSignal(task.finished, timeout=timeout):
            pass
    return task


def settle(qtbot, page, timeout: int = 30_000):
    """Show a page as the main window does and wait until its figures have arrived."""
    page.on_shown()
    qtbot.waitUntil(lambda: not page.loading(), timeout=timeout)
    return page


@pytest.fixture(autouse=True)
def _quick_password_hashing(request, monkeypatch):
    """Hashing at the production cost takes 0.3 s a password: tests use a cheaper cost, except
    those marked real_password_cost, which check the production one."""
    if request.node.get_closest_marker("real_password_cost") is None:
        monkeypatch.setattr("models.accounts.users.SCRYPT_N", 2**12)
    monkeypatch.setattr("models.accounts.users._unknown_tries", {})


@pytest.fixture(autouse=True)
def _drafts_of_this_test_only(tmp_path, monkeypatch):
    """Forms keep their typing in a folder of this test's own: a draft another test left (same
    clock, same first trail entry) would otherwise be offered in a question nobody answers."""
    monkeypatch.setattr("models.accounts.drafts._folder", lambda: tmp_path / "ban-nhap")


@pytest.fixture(autouse=True)
def _unsaved_forms_close_at_teardown(monkeypatch):
    """A form left with typing at the end of a test closes without a modal question (which
    would wait forever offscreen); tests about the question patch it themselves."""
    if "ui.widgets.guarded_dialog" not in sys.modules:
        return
    monkeypatch.setattr(sys.modules["ui.widgets.guarded_dialog"], "ask_unsaved",
                        lambda *args, **kw: "discard")
