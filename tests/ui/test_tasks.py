"""Work off the UI thread (ui/tasks.py): its result and its error come back to the UI thread."""

from PySide6.QtCore import QThread

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
