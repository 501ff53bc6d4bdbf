"""Windows sized to the screen they open on: an office laptop of 1366×768 has some 728
pixels under its taskbar, less the title bar."""

from PySide6.QtWidgets import QWidget

TITLE_BAR = 40  # pixels the window manager adds above a window's contents


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or to what the screen has room for if smaller."""
    available = widget.screen().availableGeometry()
    widget.resize(min(width, available.width()), min(height, available.height() - TITLE_BAR))
