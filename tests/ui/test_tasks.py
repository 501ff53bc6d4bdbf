"""Work off the UI thread (ui/tasks.py): its result and its error come back to the UI thread."""

from PySide6.QtCore import QThread

from tests.conftest import finish
from ui.tasks import Task, run_task, wait_for_tasks


def test_the_workers_signals_land_on_declared_slots(qapp):
    """Undeclared, PySide registers a task's receivers in its meta-object at run time, at each
    task's connection, while the workers of other tasks emit (PySide 6.8 on): the suite died
    once of a segmentation fault with two page tasks under way. Declared, they are in the
    class's own meta-object from the start."""
    meta = Task.staticMetaObject
    for signature in ("_progressed(int,int,QString)", "_succeeded(PyObject)", "_failed(PyObject)"):
        assert meta.indexOfSlot(signature) >= 0, signature


def test_a_result_and_an_error_come_back_on_the_ui_thread(qtbot):
    seen = []
    done = run_task(None, lambda _progress: QThread.currentThread(),
                    on_done=lambda worker: seen.append(("done", worker is not QThread.currentThread())))
    failed = run_task(None, lambda _progress: 1 / 0,
                      on_error=lambda error: seen.append(("error", type(error).__name__)))
    with qtbot.waitSignals([done.finished, failed.finished], timeout=10_000):
        wait_for_tasks()
    assert sorted(seen) == [("done", True), ("error", "ZeroDivisionError")]


def test_a_refusal_that_arrives_after_a_newer_answer_is_not_shown(qtbot):
    """Seen in CI: on the dues page, a year chosen and then a quarter, the year's refusal
    ("Quý IV năm 2025 chưa bắt đầu") came back after the quarter's answer and replaced it."""
    import threading

    from models.core.errors import ValidationError
    from ui.page import Page

    page = Page()
    qtbot.addWidget(page)
    newer_done = threading.Event()
    shown, refused = [], []

    def older():
        newer_done.wait(10)  # the older work ends only after the newer one has
        raise ValidationError("quarter", "Quý IV năm 2025 chưa bắt đầu.")

    def newer():
        return "quý II"

    first = page.load_later("dues", older, shown.append, lambda error: refused.append(error.message))
    second = page.load_later("dues", newer, lambda result: (shown.append(result), newer_done.set()),
                             lambda error: refused.append(error.message))
    finish(qtbot, second)
    finish(qtbot, first)
    qtbot.waitUntil(lambda: not page.loading())
    assert shown == ["quý II"] and refused == []
