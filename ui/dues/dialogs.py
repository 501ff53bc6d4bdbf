"""The two forms of the dues page: one organisation's quarter (what it collected and remitted),
and the shares the office applies from a day on."""

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout

from models.core.dates import fmt_date
from models.dues import DuesLine, quarter_name, save_share, set_entry, share_rows
from reports.numbers import integer
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog


def _money_edit(value: int | None) -> QLineEdit:
    edit = QLineEdit("" if value is None else integer(value))
    edit.setPlaceholderText("số đồng, ví dụ 1.250.000")
    return edit


class DuesEntryDialog(FormDialog):
    """What an organisation collected and remitted in the quarter. A figure taken from a return
    and typed over here becomes the office's own: the next take from the returns keeps it."""

    def __init__(self, line: DuesLine, year: int, quarter: int, parent=None):
        super().__init__(f"Đảng phí {quarter_name(year, quarter)} — {line.org_name}", parent)
        self.line, self.year, self.quarter = line, year, quarter
        recorded = line.entry_id is not None
        form = QFormLayout()
        self.collected = _money_edit(line.collected if recorded else None)
        self.errors.add_row(form, "collected", "Đảng phí thu được (*)", self.collected)
        self.remitted = _money_edit(line.remitted if recorded else None)
        self.errors.add_row(form, "remitted", "Đã nộp Đảng ủy Khối (*)", self.remitted)
        self.remitted_on = DateEdit("Ngày nộp", "remitted_on")
        self.remitted_on.set_date(line.remitted_on)
        self.errors.add_row(form, "remitted_on", "Ngày nộp", self.remitted_on)
        self.note = QPlainTextEdit(line.note)
        self.note.setFixedHeight(60)
        self.errors.add_row(form, "note", "Ghi chú", self.note)
        layout = QVBoxLayout(self)
        if line.source:
            source = QLabel(f"Số liệu lấy từ {line.source}; sửa ở đây thì lần lấy sau giữ số đã sửa.")
            source.setWordWrap(True)
            layout.addWidget(source)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(520, self.sizeHint().height())
        self.mark_clean()

    def write(self) -> None:
        set_entry(self.line.org_id, self.year, self.quarter, self.collected.text().strip(),
                  self.remitted.text().strip(), self.remitted_on.date(), self.note.toPlainText())


class DuesShareDialog(FormDialog):
    """The shares from a day on: a new day adds a line, the day of an existing line corrects it."""

    def __init__(self, parent=None):
        super().__init__("Tỷ lệ trích giữ lại đảng phí", parent)
        self.shares = share_rows()
        latest = self.shares[0] if self.shares else None
        known = "; ".join(f"từ {fmt_date(row.valid_from)}: cơ sở {row.kept_percent}%, Khối "
                          f"{row.bloc_kept_percent}%" for row in self.shares)
        said = ("Đã đặt: " + known + "." if known else
                "Chưa đặt tỷ lệ nào. Nhập theo quy định về chế độ đảng phí đang áp dụng.")
        self.intro = intro = QLabel(said + " Sổ đảng phí tính mỗi quý theo tỷ lệ áp dụng ngày đầu quý.")
        intro.setWordWrap(True)
        form = QFormLayout()
        self.valid_from = DateEdit("Áp dụng từ ngày", "valid_from")
        self.errors.add_row(form, "valid_from", "Áp dụng từ ngày (*)", self.valid_from)
        self.kept = QSpinBox()
        self.bloc_kept = QSpinBox()
        for spin, value in ((self.kept, latest.kept_percent if latest else 0),
                            (self.bloc_kept, latest.bloc_kept_percent if latest else 0)):
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setValue(value)
        self.errors.add_row(form, "kept_percent", "Tổ chức cơ sở đảng trích giữ lại", self.kept)
        self.errors.add_row(form, "bloc_kept_percent", "Đảng ủy Khối trích giữ lại (của số nhận được)",
                            self.bloc_kept)
        self.rates = QPlainTextEdit(latest.rates if latest else "")
        self.rates.setPlaceholderText("mỗi dòng một mức, ví dụ: Cán bộ, công chức: 1% tiền lương")
        self.rates.setFixedHeight(90)
        self.errors.add_row(form, "rates", "Mức đóng đảng phí", self.rates)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(600, self.sizeHint().height())
        self.mark_clean()

    def write(self) -> None:
        day = self.valid_from.date()
        same_day = next((row for row in self.shares if row.valid_from == day), None)
        save_share(day, self.kept.value(), self.bloc_kept.value(), self.rates.toPlainText(),
                   same_day.note if same_day else "", same_day.id if same_day else None)
