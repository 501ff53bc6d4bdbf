"""The bloc's reporting system (Hệ thống báo cáo công tác Đảng): the requests the office sent,
and for the one chosen, every organisation asked with where its return stands; the chosen
return line by line beside the bloc's own count, to accept or send back; the workbooks out,
the returns in (a check of every file first), the reminder letter and the summary."""

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may, whole_bloc
from models.core import clock
from models.core.dates import fmt_date
from models.core.errors import ValidationError, failure_reason
from models.returns import (
    NO_WORKBOOK,
    OVERDUE,
    RECEIVED,
    SENT_BACK,
    apply_intake,
    decide,
    export_request_workbooks,
    gathered,
    plan_intake,
    report_copy,
    request_rows,
    return_lines,
    status_rows,
)
from reports.returns_papers import print_reminder, print_summary
from ui import settings
from ui.page import ActionSpec, Page, bloc_document
from ui.returns.dialogs import RequestDialog
from ui.returns.form_editor import FormEditorDialog
from ui.returns.tables import ReturnLinesModel, StatusTableModel
from ui.tasks import Task, run_and_wait, run_task
from ui.widgets import file_dialog
from ui.widgets.buttons import confirm, inform
from ui.widgets.open_file import open_with_system
from ui.widgets.save_path import ask_save_path
from ui.widgets.table_view import column_widths, list_view

IN_FILTER = "Báo cáo gửi về (*.xlsx *.ods *.xls *.zip *.pdf *.docx)"


class ReturnsPage(Page):
    title = "Báo cáo của cơ sở"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.request = QComboBox()
        self.request.setMinimumContentsLength(40)
        self.request.currentIndexChanged.connect(lambda _index: self.load())
        writes = may(WRITE_RECORDS)
        bar, actions = self.toolbar([
            # The bloc asks; a clerk limited to some organisations brings back and checks theirs.
            ActionSpec("Yêu cầu mới…", self.new_request, "Ctrl+N", enabled=writes and whole_bloc()),
            ActionSpec("Xuất mẫu Excel…", self.export_workbooks, "Ctrl+E"),
            ActionSpec("Nhận báo cáo…", self.bring_back, "Ctrl+I", enabled=writes),
            bloc_document("In công văn đôn đốc…", lambda: self.print_paper(False)),
            bloc_document("In báo cáo tổng hợp…", lambda: self.print_paper(True)),
            ActionSpec("Mẫu báo cáo…", self.edit_form, enabled=writes and whole_bloc()),
        ])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = StatusTableModel(self)
        self.view = list_view(self.model)
        column_widths(self.view, [195, 130, 170, 85, 80, 90, 150])
        self.view.selectionModel().currentRowChanged.connect(lambda _now, _before: self.show_return())
        self.lines = ReturnLinesModel(self)
        self.lines_view = list_view(self.lines, stretch_first=True)
        for column in (1, 2):  # the figures narrow, the line's name takes the rest
            self.lines_view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.lines_view.setColumnWidth(column, 96)
        # A line's name and the free text (achievements, shortcomings) wrap, each row as high as
        # its text: a row one line high showed only the top of its second line.
        self.lines_view.setWordWrap(True)
        self.lines_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.detail = QLabel("Chọn một tổ chức để xem báo cáo của tổ chức đó.")
        self.detail.setWordWrap(True)
        self.accept_button = QPushButton("Chấp nhận")
        self.send_back_button = QPushButton("Trả lại để sửa…")
        self.open_report_button = QPushButton("Mở báo cáo kèm theo")
        self.accept_button.clicked.connect(lambda: self.decide(True))
        self.send_back_button.clicked.connect(lambda: self.decide(False))
        self.open_report_button.clicked.connect(self.open_report)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.lines_view, 1)
        for button in (self.accept_button, self.send_back_button, self.open_report_button):
            right_layout.addWidget(button)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setSizes([680, 500])
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        label = QLabel("Yêu cầu báo cáo:")
        label.setBuddy(self.request)
        label.setMinimumWidth(label.sizeHint().width())  # the long list of requests never squeezes it
        top.addWidget(label)
        top.addWidget(self.request, 1)
        layout.addLayout(top)
        layout.addWidget(bar)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._writes = writes
        self.show_return()

    # --- loading --------------------------------------------------------------------
    def on_shown(self) -> None:
        self.reload_requests()

    def records_changed(self) -> None:
        self.reload_requests()

    def reload_requests(self) -> None:
        chosen = self.request.currentData()
        self.request.blockSignals(True)
        self.request.clear()
        requests = request_rows()
        for request in requests:
            self.request.addItem(f"{request.title} — hạn gửi {fmt_date(request.due_on)}", request.id)
        index = self.request.findData(chosen)
        if index < 0:
            # First time: the newest request whose period has ended. Its returns are coming in
            # before the deadline and are chased after it; one still under way has none yet.
            today = clock.today()
            index = next((position for position, request in enumerate(requests)
                          if request.period_end < today), 0)
        self.request.setCurrentIndex(index)
        self.request.blockSignals(False)
        self.load()

    def show_part(self, part: str) -> None:
        """A line of the home page: the request it is about ("request:12")."""
        _kind, _colon, number = part.partition(":")
        if number.isdigit():
            self.request.setCurrentIndex(max(self.request.findData(int(number)), 0))

    def request_id(self) -> int | None:
        return self.request.currentData()

    def load(self) -> Task | None:
        request_id = self.request_id()
        if request_id is None:
            self.model.set_rows([])
            self.summary.setText("Chưa có yêu cầu báo cáo nào: bấm “Yêu cầu mới…” (Ctrl+N).")
            return None
        return self.load_later("status", lambda: status_rows(request_id), self._show_status)

    def _show_status(self, rows: list) -> None:
        self.model.set_rows(rows)
        received = sum(1 for row in rows if row.received_on)
        overdue = sum(1 for row in rows if row.standing == OVERDUE)
        waiting = sum(1 for row in rows if row.state == RECEIVED)
        sent_back = sum(1 for row in rows if row.state == SENT_BACK)
        self.summary.setText(f"Đã nhận {received}/{len(rows)} báo cáo; quá hạn chưa gửi {overdue}; chờ xem "
                             f"xét {waiting}; trả lại {sent_back}.")
        if not self.view.currentIndex().isValid() and rows:  # the first return awaiting a decision
            first = next((position for position, row in enumerate(rows) if row.state == RECEIVED), 0)
            self.view.setCurrentIndex(self.model.index(first, 0))
        self.show_return()

    def chosen(self):
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def show_return(self) -> None:
        row = self.chosen()
        has_return = row is not None and row.return_id is not None
        for button in (self.accept_button, self.send_back_button):
            button.setEnabled(has_return and self._writes)
        self.open_report_button.setEnabled(has_return and bool(row.report_name))
        if not has_return:
            self.lines.set_rows([])
            self.detail.setText("Tổ chức này chưa gửi báo cáo." if row else
                                "Chọn một tổ chức để xem báo cáo của tổ chức đó.")
            return
        lines = return_lines(row.return_id)
        self.lines.set_rows(lines)
        differing = sum(1 for line in lines if ReturnLinesModel.disagrees(line))
        words = f"<b>{row.org_name}</b>, gửi ngày {fmt_date(row.received_on)}"
        words += f": {differing} số liệu khác hồ sơ (tô hồng)." if differing else ": số liệu khớp hồ sơ."
        if row.decision_note:
            words += f"<br>Ghi chú: {row.decision_note}"
        self.detail.setText(words)

    # --- actions --------------------------------------------------------------------
    def new_request(self) -> None:
        dialog = RequestDialog(self)
        if dialog.accepted_after_exec() and dialog.request_id is not None:
            self.reload_requests()
            self.request.setCurrentIndex(max(self.request.findData(dialog.request_id), 0))
            self.changed.emit()

    def edit_form(self) -> None:
        FormEditorDialog(self).exec()

    def export_workbooks(self) -> Task | None:
        request_id = self.request_id()
        if request_id is None:
            return None
        folder = file_dialog.get_existing_directory(self, "Thư mục ghi các mẫu báo cáo",
                                                    settings.LAST_REPORT_FOLDER.get())
        if not folder:
            return None
        settings.LAST_REPORT_FOLDER.set(folder)

        def exported(paths: list) -> None:
            inform(self, "Đã xuất mẫu", f"Đã ghi {len(paths)} mẫu báo cáo vào {folder}. Gửi mỗi tổ chức mẫu "
                                        "mang tên của mình; tổ chức điền cột C rồi gửi lại.")

        def failed(error: BaseException) -> None:
            inform(self, "Không ghi được", f"Không ghi được vào {folder}: {failure_reason(error)}.",
                   warning=True)

        return run_task(self, lambda progress: export_request_workbooks(
            request_id, Path(folder), lambda done, total: progress.step(done, total, "Đang ghi mẫu")),
            exported, on_error=failed, label="Đang ghi các mẫu báo cáo…")

    def bring_back(self) -> None:
        names, _ = file_dialog.get_open_file_names(self, "Chọn các báo cáo gửi về (mẫu .xlsx hoặc .ods, tệp "
                                                         ".zip, báo cáo PDF/DOCX cùng tên)",
                                                   settings.LAST_REPORT_FOLDER.get(), IN_FILTER)
        if not names:
            return
        try:
            plans = run_and_wait(self, lambda _progress: _plans(names), "Đang đọc và so sánh các báo cáo…")
        except ValidationError as error:
            inform(self, "Không đọc được", error.message, warning=True)
            return
        report = [line for source, plan in plans for line in _plan_lines(source, plan)]
        ready = sum(len(plan.readable) for _source, plan in plans)
        text = "\n".join(report[:60]) + (f"\n… và {len(report) - 60} dòng khác" if len(report) > 60 else "")
        if not ready:
            inform(self, "Chưa nhận được báo cáo nào", text, warning=True)
            return
        if not confirm(self, "Nhận báo cáo", f"{text}\n\nGhi {ready} báo cáo đọc được?", yes="Ghi"):
            return
        try:
            written = run_and_wait(self, lambda _progress: sum(apply_intake(plan) for _source, plan in plans),
                                   "Đang ghi các báo cáo…")
        except ValidationError as error:
            inform(self, "Không ghi được", error.message, warning=True)
            return
        inform(self, "Đã nhận", f"Đã ghi {written} báo cáo; xem từng báo cáo rồi chấp nhận hoặc trả lại.")
        self.load()
        self.changed.emit()

    def decide(self, accept: bool) -> None:
        row = self.chosen()
        if row is None or row.return_id is None:
            return
        note = ""
        if not accept:
            note, ok = QInputDialog.getMultiLineText(self, "Trả lại báo cáo",
                                                     f"{row.org_name} cần sửa gì? (ghi rõ để tổ chức biết)")
            if not ok:
                return
        try:
            decide(row.return_id, accept, note)
        except ValidationError as error:
            inform(self, "Chưa ghi được", error.message, warning=True)
            return
        self.load()
        self.changed.emit()

    def open_report(self) -> None:
        row = self.chosen()
        if row is None or row.return_id is None:
            return
        try:
            path = report_copy(row.return_id)
        except (ValidationError, OSError) as error:
            inform(self, "Không mở được", failure_reason(error), warning=True)
            return
        open_with_system(self, path)

    def print_paper(self, summary: bool) -> None:
        request_id = self.request_id()
        if request_id is None:
            return
        name = "bao-cao-tong-hop.pdf" if summary else "cong-van-don-doc.pdf"
        path = ask_save_path(self, "Ghi văn bản", name, "PDF (*.pdf);;Word (*.docx)")
        if path is None:
            return
        issue = confirm(self, "Lấy số văn bản", "Lấy số từ sổ văn bản đi (văn bản chính thức)? Chọn “Không” "
                                                "để in bản dự thảo, để trống số.", yes="Lấy số")
        today = clock.today()

        def work(_progress):
            if summary:
                return print_summary(path, request_id, today, today, issue)
            return print_reminder(path, request_id, today, issue)[0]

        run_task(self, work, lambda number: inform(
            self, "Đã ghi", f"Đã ghi {path}" + (f" (số {number:02d})." if number else " (bản dự thảo).")),
            label="Đang in…")


def _plans(names: list[str]) -> list[tuple[str, object]]:
    """One plan per .zip chosen and one for the other files together (a report beside its
    workbook is attached to it), each with what the clerk chose."""
    plans, loose = [], []
    for name in names:
        if name.lower().endswith(".zip"):
            with gathered(Path(name)) as files:
                plans.append((Path(name).name, plan_intake(files)))
        else:
            loose.append(Path(name))
    if loose:
        plans.append((loose[0].name if len(loose) == 1 else "các tệp đã chọn", plan_intake(loose)))
    return plans


def _plan_lines(source: str, plan) -> list[str]:
    if not plan.lines:  # the wrong .zip or files chosen: said, not an empty message
        passed = f"; bỏ qua {', '.join(plan.ignored)}" if plan.ignored else ""
        return [f"✗ {source}: {NO_WORKBOOK}{passed}."]
    lines = []
    for line in plan.lines:
        if line.refused:
            lines.append(f"✗ {line.name}: {line.refused}")
        elif line.found.problems:
            lines.append(f"✗ {line.name} — {line.found.org_name}: {'; '.join(line.found.problems[:3])}")
        else:
            when = f"chậm {line.late_days} ngày làm việc" if line.late_days else "đúng hạn"
            differing = f"; {len(line.differences)} số liệu khác hồ sơ" if line.differences else ""
            lines.append(f"✓ {line.found.org_name}: {when}{differing}")
    return lines
