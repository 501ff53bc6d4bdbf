"""Trang chủ: the bloc at a glance, the first page after sign-in. The figures read the whole
registry, so they come from a task: the page is on screen at once and they follow."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from models.core import clock
from models.core.dates import fmt_date
from reports.glance import Glance, bloc_at_a_glance
from reports.numbers import integer, percent
from ui.home.chart import YearsChart
from ui.page import Page


class HomePage(Page):
    title = "Trang chủ"
    go_to = Signal(str, str)  # the page that deals with a line of attention, and its list

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today_label = QLabel("Đang tính số liệu…")
        self.today_label.setWordWrap(True)
        self.today_label.setStyleSheet("font-size: 15px;")
        self.admissions_label = QLabel()
        self.admissions_label.setWordWrap(True)
        attention_box = QGroupBox("Việc cần chú ý")
        self.attention_layout = QVBoxLayout(attention_box)
        self.attention_buttons: list[QPushButton] = []
        chart_box = QGroupBox("Đảng viên cuối mỗi năm và số kết nạp trong năm")
        self.chart = YearsChart()
        QVBoxLayout(chart_box).addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.addWidget(self.today_label)
        layout.addWidget(self.admissions_label)
        layout.addWidget(attention_box)
        layout.addWidget(chart_box, 1)
        self.glance: Glance | None = None
        # A window left open overnight on this page would greet the clerk with yesterday's date
        # and yesterday's overdue list; once a minute the page asks the clock whether the day
        # has changed.
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(60_000)
        self.day_timer.timeout.connect(self.reload_on_a_new_day)
        self.day_timer.start()

    def on_shown(self) -> None:
        self.load_later("glance", bloc_at_a_glance, self.show_glance)

    def reload_on_a_new_day(self) -> None:
        if self.isVisible() and self.glance and self.glance.today != clock.today() and not self.loading():
            self.on_shown()

    def main_control(self) -> QWidget | None:
        return self.attention_buttons[0] if self.attention_buttons else None

    def show_glance(self, glance: Glance) -> None:
        self.glance = glance
        self.today_label.setText(
            f"Ngày {fmt_date(glance.today)}: <b>{integer(glance.members)}</b> đảng viên "
            f"(dự bị {integer(glance.probationary)}) trong <b>{integer(glance.grassroots)}</b> tổ chức cơ sở "
            f"đảng, {integer(glance.cells)} chi bộ.")
        year = glance.today.year
        if glance.target:
            share = percent(glance.admitted, glance.target)
            self.admissions_label.setText(f"Kết nạp năm {year}: {integer(glance.admitted)} / chỉ tiêu "
                                          f"{integer(glance.target)} ({share}).")
        else:
            self.admissions_label.setText(f"Kết nạp năm {year}: {integer(glance.admitted)} đảng viên "
                                          "(chưa đặt chỉ tiêu năm).")
        for button in self.attention_buttons:
            button.deleteLater()
        self.attention_buttons = []
        for line in glance.attention or []:
            button = QPushButton(f"{line.text}  →")
            button.setFlat(True)
            button.setStyleSheet("text-align: left; padding: 4px;")
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _checked=False, line=line: self.go_to.emit(line.page, line.part))
            self.attention_layout.addWidget(button)
            self.attention_buttons.append(button)
        if not glance.attention:
            done = QPushButton("Không có việc nào quá hạn.")
            done.setFlat(True)
            done.setEnabled(False)
            self.attention_layout.addWidget(done)
            self.attention_buttons.append(done)
        self.chart.set_points(glance.years)
