"""Members (bars) and admissions (figures under them) over the last years: a small drawing,
with Vietnamese thousands separators and every label inside its own space."""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from reports.glance import YearPoint
from reports.numbers import integer

BAR = QColor("#b22222")


class YearsChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.points: list[YearPoint] = []
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_points(self, points: list[YearPoint]) -> None:
        self.points = points
        self.update()

    def paintEvent(self, _event) -> None:
        if not self.points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        line = metrics.height()
        top, bottom = line + 4, self.height() - 2 * line - 8
        slot = self.width() / len(self.points)
        highest = max(point.members for point in self.points) or 1
        for index, point in enumerate(self.points):
            left = index * slot
            height = (bottom - top) * point.members / highest
            bar = QRectF(left + slot * 0.25, bottom - height, slot * 0.5, height)
            painter.fillRect(bar, BAR)
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(left, bar.top() - line - 2, slot, line), Qt.AlignmentFlag.AlignCenter,
                             integer(point.members))
            painter.drawText(QRectF(left, bottom + 4, slot, line), Qt.AlignmentFlag.AlignCenter,
                             str(point.year) + (f" (đến {point.until:%d/%m})" if point.until else ""))
            painter.drawText(QRectF(left, bottom + 4 + line, slot, line), Qt.AlignmentFlag.AlignCenter,
                             f"kết nạp {integer(point.admitted)}")
        painter.end()
