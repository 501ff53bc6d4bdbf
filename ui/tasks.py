"""Long work off the UI thread: reports, imports, exports, backups, registry-wide figures.

`run_task` runs `work(progress)` on Qt's thread pool and hands the result back to the UI
thread by a signal, where `on_done(result)` runs; the window keeps painting meanwhile. Work the
clerk waits for gets a progress dialog (shown only if it lasts) with a cancel button where
the work can stop; figures a page fills in the background get none. Each worker thread has
its own database connection (peewee keeps one per thread), closed when the work ends.

Modelled on Picard's `thread.run_task` and Anki's `QueryOp`/`CollectionOp`.
"""

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from models.core.db import close_database
from models.core.errors import ValidationError
from ui.widgets.buttons import inform

log = logging.getLogger("dangvu")
SHOW_PROGRESS_AFTER_MS = 400  # quick work finishes without a dialog flashing up


class Cancelled(Exception):
    """The clerk pressed Dừng; the work stopped where it could."""


class Progress:
    """Given to the work: how far it got, and whether the clerk asked it to stop."""

    def __init__(self, signals: "_Signals"):
        self._signals = signals
        self._cancelled = False

    def step(self, done: int, total: int, text: str = "") -> None:
        self._signals.progressed.emit(done, total, text)

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def check(self) -> None:
        """Raise Cancelled if the clerk asked to stop: call it between steps."""
        if self._cancelled:
            raise Cancelled

    def cancel(self) -> None:
        self._cancelled = True


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, signals: _Signals):
        super().__init__()
        self.work, self.progress, self.signals = work, progress, signals

    def run(self) -> None:
        work, self.work = self.work, None  # nothing of the work outlives it on this thread
        try:
            try:
                result = work(self.progress)
            except BaseException as error:  # handed to the UI thread, which decides what to say
                self.signals.failed.emit(error)
            else:
                self.signals.succeeded.emit(result)
        except RuntimeError:
            log.info("Kết quả không còn nơi nhận (cửa sổ đã đóng).")  # the program is closing
        finally:
            close_database()  # this thread's own connection; the UI thread keeps its own


class Task(QObject):
    """One piece of work under way. `finished` fires on the UI thread once it is over,
    after `on_done` or the error handling ran (tests wait on it)."""

    finished = Signal()
    _running: set["Task"] = set()  # kept alive until finished, whoever holds them

    def __init__(self, parent: QWidget | None, work: Callable[[Progress], Any],
                 on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None,
                 label: str | None, cancellable: bool):
        super().__init__()
        self.parent_widget = parent
        self.on_done, self.on_error = on_done, on_error
        # Owned by this task, so it is destroyed on the UI thread with it, never by the worker
        # dropping its last reference.
        self.signals = _Signals(self)
        self.progress = Progress(self.signals)
        self.result: Any = None
        self.error: BaseException | None = None
        self.dialog = self._dialog(parent, label, cancellable) if label else None
        self.signals.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        Task._running.add(self)
        QThreadPool.globalInstance().start(_Runner(work, self.progress, self.signals))

    def _dialog(self, parent: QWidget | None, label: str, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(label, "Dừng" if cancellable else "", 0, 0, parent)
        dialog.setWindowTitle("Đảng vụ")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        if cancellable:
            dialog.canceled.connect(self._cancel)
        else:
            dialog.setCancelButton(None)
        dialog.hide()
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, self._show_dialog)
        return dialog

    def _show_dialog(self) -> None:
        if self in Task._running and self.dialog is not None and isValid(self.dialog):
            self.dialog.show()

    def _cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText("Đang dừng…")

    # The three receivers of the worker's signals are declared slots. Undeclared, PySide adds each
    # to the class's meta-object at run time, at every task's connection, while workers of other
    # tasks emit: the suite once died of a segmentation fault with two page tasks under way.
    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self.dialog is None or not isValid(self.dialog):
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text and not self.progress.cancelled:
            self.dialog.setLabelText(text)

    @Slot(object)
    def _succeeded(self, result: Any) -> None:
        self.result = result
        self._end()
        if self.on_done is not None and self._parent_alive():
            self.on_done(result)
        self.finished.emit()

    @Slot(object)
    def _failed(self, error: BaseException) -> None:
        self.error = error
        self._end()
        if self._parent_alive():
            (self.on_error or self.tell)(error)
        self.finished.emit()

    def tell(self, error: BaseException) -> None:
        """The default answer to a failure: a message for a refusal, the crash path otherwise."""
        if isinstance(error, Cancelled):
            return
        if isinstance(error, ValidationError):
            inform(self.parent_widget, "Không thực hiện được", error.message, warning=True)
            return
        sys.excepthook(type(error), error, error.__traceback__)  # the one crash path

    def _parent_alive(self) -> bool:
        return self.parent_widget is None or isValid(self.parent_widget)

    def _end(self) -> None:
        Task._running.discard(self)
        if self.dialog is not None and isValid(self.dialog):
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None


def run_task(parent: QWidget | None, work: Callable[[Progress], Any],
             on_done: Callable[[Any], None] | None = None, *,
             on_error: Callable[[BaseException], None] | None = None,
             label: str | None = None, cancellable: bool = False) -> Task:
    """Run `work(progress)` off the UI thread; `on_done(result)` runs on the UI thread after.
    The work reads values taken beforehand, never a widget (Qt's widgets live on the UI thread).
    With a `label` the clerk sees a progress dialog if the work lasts; without, it runs
    quietly (a page's figures). Errors: `on_error(error)` if given, else a ValidationError is
    shown as a message, Cancelled is silent, anything else goes to the crash path."""
    return Task(parent, work, on_done, on_error, label, cancellable)


def wait_for_tasks(milliseconds: int = 30_000) -> bool:
    """At exit: let work under way finish before the database is closed."""
    return QThreadPool.globalInstance().waitForDone(milliseconds)


def run_and_wait(parent: QWidget | None, work: Callable[[Progress], Any], label: str) -> Any:
    """For steps that must finish before the program goes on (start-up, restore): the work runs
    off the UI thread with its progress dialog while a local event loop keeps the windows
    painted; returns the result or raises the work's error here."""
    loop = QEventLoop()
    task = run_task(parent, work, on_error=lambda _error: None, label=label)
    task.finished.connect(loop.quit)
    if task in Task._running:
        loop.exec()
    if task.error is not None:
        raise task.error
    return task.result
