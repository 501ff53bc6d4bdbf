"""The office's Party dues books (Đảng phí): for the quarter chosen, each grassroots
organisation's dues — collected, owed the bloc after its share, remitted, still owed — with
the bloc's totals; an organisation's quarter typed (Enter on its row), the quarter taken from
the accepted returns after a look at what would change, the shares, the quarterly report."""

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout

from models.accounts import WRITE_RECORDS, may
from models.core import clock
from models.core.errors import ValidationError, failure_reason
from models.dues import (
    KEPT_TYPED,
    NOT_READY,
    OUTCOMES,
    SAME,
    dues_quarter,
    last_quarter_ended,
    quarter_name,
    take_from_returns,
)
from reports.dues_papers import print_dues_report
from reports.numbers import integer
from ui.dues.dialogs import DuesEntryDialog, DuesShareDialog
from ui.dues.tables import DuesTableModel
from ui.page import ActionSpec, Page, bloc_document
from ui.tasks import Task, run_and_wait, run_task
from ui.widgets.buttons import confirm, inform
from ui.widgets.save_path import ask_save_path
from ui.widgets.table_view import column_widths, list_view, open_on_activate

SHOWN_LINES = 60


class DuesPage(Page):
    title = "Đảng phí"

    def __init__(self, parent=None):
        super().__init__(parent)
        year, quarter = last_quarter_ended(clock.today())
        self.year = QSpinBox()
        self.year.setRange(2000, clock.today().year)
        self.year.setValue(year)
        self.quarter = QComboBox()
        for number, name in ((1, "Quý I"), (2, "Quý II"), (3, "Quý III"), (4, "Quý IV")):
            self.quarter.addItem(name, number)
        self.quarter.setCurrentIndex(quarter - 1)
        self.year.valueChanged.connect(lambda _value: self.load())
        self.quarter.currentIndexChanged.connect(lambda _index: self.load())
        writes = may(WRITE_RECORDS)
        self._writes = writes
        bar, _actions = self.toolbar([
            ActionSpec("Ghi số liệu…", self.edit_chosen, "Ctrl+E", enabled=writes),
            ActionSpec("Lấy từ báo cáo cơ sở…", self.take_from_returns, "Ctrl+I", enabled=writes),
            ActionSpec("Tỷ lệ trích giữ lại…", self.edit_shares, enabled=writes),
            bloc_document("In báo cáo quý…", self.print_report, "Ctrl+P"),
        ])
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DuesTableModel(self)
        self.view = list_view(self.model)
        column_widths(self.view, [300, 105, 105, 105, 105, 105, 90, 160])
        open_on_activate(self.view, self.edit_chosen)
        top = QHBoxLayout()
        for text, widget in (("Năm:", self.year), ("Quý:", self.quarter)):
            label = QLabel(text)
            label.setBuddy(widget)
            top.addWidget(label)
            top.addWidget(widget)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.books = None

    def main_control(self):
        return self.view

    def on_shown(self) -> None:
        self.load()

    def records_changed(self) -> None:
        self.load()

    def period(self) -> tuple[int, int]:
        return self.year.value(), self.quarter.currentData()

    def load(self) -> Task:
        year, quarter = self.period()
        return self.load_later("dues", lambda: dues_quarter(year, quarter), self._show, self._not_kept)

    def _not_kept(self, refusal) -> None:
        """A quarter not yet begun: said where the figures would be, with no table of debts."""
        self.books = None
        self.model.set_rows([])
        self.summary.setText(refusal.message)

    def _show(self, books) -> None:
        self.books = books
        self.model.set_rows(books.lines)
        if books.share is None:
            self.summary.setText(f"Chưa đặt tỷ lệ trích giữ lại áp dụng cho {quarter_name(*self.period())}: "
                                 "bấm “Tỷ lệ trích giữ lại…” để đặt, rồi số phải nộp và số còn nợ mới "
                                 "tính được.")
            return
        owing = books.owing
        self.summary.setText(
            f"Có số liệu {len(books.recorded)}/{len(books.lines)} tổ chức. Thu được "
            f"{integer(books.total('collected'))} đ; phải nộp Khối {integer(books.total('owed'))} đ "
            f"(cơ sở giữ lại {books.share.kept_percent}%); đã nộp {integer(books.total('remitted'))} đ; "
            f"còn nợ {len(owing)} tổ chức, {integer(sum(line.owed_after for line in owing))} đ. Khối giữ lại "
            f"{integer(books.bloc_kept)} đ ({books.share.bloc_kept_percent}%), nộp cấp trên "
            f"{integer(books.bloc_remits)} đ.")

    def chosen(self):
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    # --- actions --------------------------------------------------------------------
    def edit_chosen(self) -> None:
        line = self.chosen()
        if line is None or not self._writes:
            return
        if DuesEntryDialog(line, *self.period(), parent=self).accepted_after_exec():
            self.load()
            self.changed.emit()

    def edit_shares(self) -> None:
        if DuesShareDialog(self).accepted_after_exec():
            self.load()
            self.changed.emit()

    def take_from_returns(self) -> None:
        year, quarter = self.period()
        try:
            lines = run_and_wait(self, lambda _progress: take_from_returns(year, quarter, write=False),
                                 "Đang đọc các báo cáo đã chấp nhận…")
        except ValidationError as error:
            inform(self, "Chưa lấy được", error.message, warning=True)
            return
        changing = [line for line in lines if line.outcome not in (SAME, KEPT_TYPED, NOT_READY)]
        shown = [f"{line.org_name}: {OUTCOMES[line.outcome].lower()}"
                 + (f" — {line.detail}" if line.detail else "") for line in lines if line.outcome != SAME]
        text = "\n".join(shown[:SHOWN_LINES]) + (f"\n… và {len(shown) - SHOWN_LINES} dòng khác"
                                                  if len(shown) > SHOWN_LINES else "")
        if not changing:
            inform(self, "Không có gì để lấy", (text + "\n\n" if text else "") +
                   f"Không có số liệu mới từ các báo cáo đã chấp nhận của {quarter_name(year, quarter)}.")
            return
        if not confirm(self, "Lấy từ báo cáo cơ sở", f"{text}\n\nGhi số liệu của {len(changing)} tổ chức?",
                       yes="Ghi"):
            return
        try:
            run_and_wait(self, lambda _progress: take_from_returns(year, quarter), "Đang ghi…")
        except ValidationError as error:
            inform(self, "Không ghi được", error.message, warning=True)
            return
        self.load()
        self.changed.emit()

    def print_report(self) -> None:
        year, quarter = self.period()
        path = ask_save_path(self, "Ghi báo cáo đảng phí", f"dang-phi-quy-{quarter}-{year}.pdf",
                             "PDF (*.pdf);;Word (*.docx)")
        if path is None:
            return
        issue = confirm(self, "Lấy số văn bản", "Lấy số từ sổ văn bản đi (văn bản chính thức)? Chọn "
                                                "“Không” để in bản dự thảo, có nguồn số liệu, để trống số.",
                        yes="Lấy số")
        today = clock.today()

        def failed(error: BaseException) -> None:
            inform(self, "Chưa in được", failure_reason(error), warning=True)

        run_task(self, lambda _progress: print_dues_report(path, year, quarter, today, issue),
                 lambda number: inform(self, "Đã ghi", f"Đã ghi {path}" + (
                     f" (số {number:02d})." if number else " (bản dự thảo).")),
                 on_error=failed, label="Đang in…")
