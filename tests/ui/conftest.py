"""The window on the demo, shared by the tests that press its actions."""

import pytest

from tests.ui.window_driver import open_office


@pytest.fixture
def office(demo_clock, qtbot, db, monkeypatch):
    """The demo in a window, its administrator signed in, every page built once; what the
    window opens is recorded and answered (tests/ui/window_driver.py)."""
    return open_office(qtbot, db, monkeypatch)
