"""Windows sized to the screen they open on: an office laptop of 1366×768 has some 728 pixels
above its taskbar, less the title bar; a 1024×700 screen less still. A dialog taller than
that scrolls its body instead of running under the taskbar."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

TITLE_BAR = 40  # pixels the window manager adds above a window's contents
TASKBAR = 40  # Windows' taskbar, kept free where the platform reports no reserved area (X)


def room(widget: QWidget) -> QSize:
    """What a window may take on the widget's screen: the available area, less a taskbar the
    platform did not report, less the title bar."""
    screen = widget.screen()
    available = screen.availableGeometry()
    height = available.height()
    if height == screen.geometry().height():
        height -= TASKBAR
    return QSize(available.width(), height - TITLE_BAR)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or to what the screen has room for if smaller."""
    space = room(widget)
    widget.resize(min(width, space.width()), min(height, space.height()))


def scrolling(content: QWidget) -> QScrollArea:
    """The body of a tall dialog: it scrolls when the screen is shorter than the body."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
