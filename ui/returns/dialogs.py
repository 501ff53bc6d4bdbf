"""The form of a new report request: kind and period, the day it goes out, the deadline as a
date or a number of working days, and for an ad hoc request its name and period."""

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout

from models.core import clock
from models.returns import AD_HOC, DEFAULT_WORKING_DAYS, KINDS, MONTH, QUARTER, create_request
from ui.widgets.code_combo import code_combo
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog


class RequestDialog(FormDialog):
    def __init__(self, parent=None):
        super().__init__("Yêu cầu báo cáo mới", parent)
        self.request_id: int | None = None
        today = clock.today()
        form = QFormLayout()
        self.kind = code_combo(KINDS)
        self.kind.setCurrentIndex(list(KINDS).index(QUARTER))
        self.errors.add_row(form, "kind", "Loại báo cáo (*)", self.kind)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.errors.add_row(form, "year", "Năm (*)", self.year)
        self.period = QSpinBox()
        self.period.setRange(1, 12)
        self.period.setValue((today.month - 1) // 3 + 1)
        self.errors.add_row(form, "period", "Tháng hoặc quý", self.period)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("để trống: đặt theo loại và kỳ (“Báo cáo quý III năm 2026”)")
        self.errors.add_row(form, "title", "Tên báo cáo", self.title_edit)
        self.start, self.end = DateEdit("Đầu kỳ", "start"), DateEdit("Cuối kỳ", "end")
        self.errors.add_row(form, "start", "Đầu kỳ (báo cáo đột xuất)", self.start)
        self.errors.add_row(form, "end", "Cuối kỳ (báo cáo đột xuất)", self.end)
        self.issued_on = DateEdit("Ngày gửi yêu cầu", "issued_on")
        self.issued_on.set_date(today)
        self.errors.add_row(form, "issued_on", "Ngày gửi yêu cầu (*)", self.issued_on)
        self.days = QSpinBox()
        self.days.setRange(1, 120)
        self.days.setValue(DEFAULT_WORKING_DAYS)
        self.days.setSuffix(" ngày làm việc sau cuối kỳ")
        self.errors.add_row(form, "working_days", "Hạn gửi", self.days)
        self.due_on = DateEdit("Hạn gửi", "due_on")
        self.errors.add_row(form, "due_on", "hoặc hạn gửi vào ngày", self.due_on)
        self.kind.currentIndexChanged.connect(lambda _index: self._enable())
        self._enable()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons(ok="Tạo yêu cầu"))
        self.resize(560, self.sizeHint().height())
        self.mark_clean()

    def _enable(self) -> None:
        kind = self.kind.currentData()
        self.period.setEnabled(kind in (MONTH, QUARTER))
        self.period.setMaximum(12 if kind == MONTH else 4)
        for widget in (self.start, self.end):
            widget.setEnabled(kind == AD_HOC)

    def write(self) -> None:
        kind = self.kind.currentData()
        request = create_request(
            kind, self.year.value(), self.period.value() if kind in (MONTH, QUARTER) else 0,
            issued_on=self.issued_on.date(), due_on=self.due_on.date(), working_days=self.days.value(),
            title=self.title_edit.text(), start=self.start.date() if kind == AD_HOC else None,
            end=self.end.date() if kind == AD_HOC else None)
        self.request_id = request.id
