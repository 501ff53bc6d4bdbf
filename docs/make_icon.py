"""Draws the program's icon (a red field with a gold star, the Party's colours) into
resources/icons/dangvu.png (the window's icon) and packaging/windows/dangvu.ico (the
installer's and DangVu.exe's). Run again only to change the drawing.

    QT_QPA_PLATFORM=offscreen python docs/make_icon.py"""

import math
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPolygonF

ROOT = Path(__file__).resolve().parent.parent


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#b22222"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(0, 0, size, size, size * 0.16, size * 0.16)
    centre, outer, inner = size / 2, size * 0.36, size * 0.145
    points = [QPointF(centre + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
                      centre * 1.04 - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5))
              for i in range(10)]
    painter.setBrush(QColor("#ffd54f"))
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    draw(256).save(str(ROOT / "resources" / "icons" / "dangvu.png"))
    draw(256).save(str(ROOT / "packaging" / "windows" / "dangvu.ico"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
