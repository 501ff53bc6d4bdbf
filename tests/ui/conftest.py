"""The window on the demo, shared by the tests that press its actions."""

import pytest

import ui.widgets.form_drafts as form_drafts
from tests.ui.window_driver import open_office


@pytest.fixture
def office(demo_clock, qtbot, db, monkeypatch):
    """The demo in a window, its administrator signed in, every page built once; what the
    window opens is recorded and answered (tests/ui/window_driver.py)."""
    return open_office(qtbot, db, monkeypatch)


@pytest.fixture
def quick_keeping(monkeypatch):
    """Drafts kept every 50 ms; the restore question answered by `answer(which)` (None: closed
    without answering), each draft offered recorded in `asked`."""
    monkeypatch.setattr(form_drafts, "KEEP_EVERY_MS", 50)
    asked = []

    def answer(which):
        monkeypatch.setattr(form_drafts, "ask_to_restore", lambda owner, draft: asked.append(draft) or which)
    answer(None)
    return asked, answer
