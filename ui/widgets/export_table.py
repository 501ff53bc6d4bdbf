"""Any table of the app to Excel as it is shown: the filters and the sort the clerk chose, the
columns visible, Vietnamese headings, dates as real dates and counts as numbers."""

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QProgressDialog, QWidget

from models.core import clock
from models.core.errors import ValidationError, failure_reason
from models.core.excel import write_table
from reports.numbers import integer
from ui.tasks import SHOW_PROGRESS_AFTER_MS, Cancelled, Task, run_task
from ui.widgets.buttons import inform
from ui.widgets.save_path import ask_save_path

_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
_COUNT = re.compile(r"^\d{1,3}(\.\d{3})*$")
READ_STEP = 2_000  # rows read between two looks at the window


def cell_value(text):
    """What the table shows, typed for Excel: 05/03/2024 a date, 2.627 the number 2627."""
    if not isinstance(text, str):
        return text
    if match := _DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return text
    if _COUNT.match(text) and not (len(text) > 1 and text.startswith("0")):
        return int(text.replace(".", ""))
    return text


def shown_rows(view: QAbstractItemView, step: Callable[[int, int], None] | None = None
               ) -> tuple[list[str], list[list]]:
    """Rows in the order shown; a tree is flattened with its levels indented. `step(done,
    total)` is called every READ_STEP rows (total: the top level's rows) and may raise to stop."""
    model = view.model()
    hidden = getattr(view, "isColumnHidden", lambda _column: False)
    columns = [c for c in range(model.columnCount()) if not hidden(c)]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
    rows = []

    def walk(parent, depth: int) -> None:
        while model.canFetchMore(parent):  # a long list fetched lazily: take it all
            model.fetchMore(parent)
        total = model.rowCount(view.rootIndex())
        for r in range(model.rowCount(parent)):
            cells = [cell_value(model.index(r, c, parent).data()) for c in columns]
            if depth and cells and isinstance(cells[0], str):
                cells[0] = "    " * depth + cells[0]
            rows.append(cells)
            if step is not None and len(rows) % READ_STEP == 0:
                step(len(rows), max(total, len(rows)))
            first = model.index(r, 0, parent)
            if model.rowCount(first) > 0:
                walk(first, depth + 1)

    walk(view.rootIndex(), 0)
    return headers, rows


def _read_with_progress(view: QAbstractItemView) -> tuple[list[str], list[list]] | None:
    """shown_rows() with a progress dialog the clerk may stop; None when stopped, or when the
    table changed while it was read (its rows would be half of each)."""
    dialog = QProgressDialog("Đang đọc bảng…", "Dừng", 0, 0, view)
    dialog.setWindowTitle("Đảng vụ")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
    changed = []
    model = view.model()

    def reset() -> None:
        changed.append(True)

    model.modelReset.connect(reset)

    def step(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setLabelText(f"Đang đọc bảng: {integer(done)}/{integer(total)} dòng…")
        dialog.setValue(done)  # a modal dialog lets the window's events through here
        QApplication.processEvents()
        if dialog.wasCanceled() or changed:
            raise Cancelled()

    try:
        return shown_rows(view, step)
    except Cancelled:
        if changed:
            inform(view, "Chưa xuất", "Bảng vừa thay đổi trong lúc đọc: hãy xuất lại.")
        return None
    finally:
        model.modelReset.disconnect(reset)
        dialog.close()
        dialog.deleteLater()


def _title_of(view: QWidget) -> str:
    widget = view
    while widget is not None:
        if getattr(widget, "title", None) and isinstance(widget.title, str):
            return widget.title
        widget = widget.parentWidget()
    return view.window().windowTitle() or "Bảng"


def export_view(view: QAbstractItemView) -> Task | None:
    """The rows as shown (read here, on the UI thread, as Qt models require) written to a
    workbook off the UI thread."""
    title = _title_of(view)
    name = re.sub(r"[^\w\- ]+", "", title).strip().replace(" ", "-").lower() or "bang"
    path = ask_save_path(view, "Xuất bảng ra Excel", f"{name}.xlsx", "Excel (*.xlsx)")
    if path is None:
        return None
    read = _read_with_progress(view)
    if read is None:
        return None
    headers, rows = read
    stamp = f"Xuất ngày {clock.now():%d/%m/%Y %H:%M}"

    def failed(error: BaseException) -> None:
        if not isinstance(error, OSError | ValidationError):
            raise error
        inform(view, "Không xuất được", f"Không ghi được {path}: {failure_reason(error)}.",
               warning=True)

    return run_task(view, lambda _progress: write_table(path, title.upper(), stamp, headers, rows),
                    lambda _result: inform(view, "Đã xuất", f"Đã ghi {integer(len(rows))} dòng ra {path}."),
                    on_error=failed, label="Đang xuất bảng ra Excel…")


def copy_rows(view: QAbstractItemView) -> str:
    """The chosen rows as shown, one line each with tabs between the cells (pasted into Excel or
    Word as a table); the current row when none is chosen."""
    model = view.model()
    hidden = getattr(view, "isColumnHidden", lambda _column: False)
    columns = [c for c in range(model.columnCount()) if not hidden(c)]
    chosen = view.selectionModel().selectedRows() if view.selectionModel() else []
    current = view.currentIndex()
    indexes = sorted(chosen, key=lambda index: index.row()) or ([current] if current.isValid() else [])
    lines = ["\t".join(str(model.index(index.row(), column, index.parent()).data() or "")
                       for column in columns) for index in indexes]
    text = "\n".join(lines)
    if text:
        QApplication.clipboard().setText(text)
    return text


def add_export_action(view: QAbstractItemView) -> QAction:
    """The right-click menu on the table: copy the chosen rows (Ctrl+C), export it all (Ctrl+E)
    — and "Mở" first where the rows open (table_view.open_on_activate)."""
    copy = QAction("Sao chép các dòng đã chọn", view, shortcut=QKeySequence.StandardKey.Copy)
    copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    copy.triggered.connect(lambda: copy_rows(view))
    view.addAction(copy)
    action = QAction("Xuất bảng ra Excel…", view, shortcut=QKeySequence("Ctrl+E"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda: export_view(view))
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
