"""A file handed to the program the system opens it with (a PDF reader, Word, Excel)."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from ui.widgets.buttons import inform


def open_with_system(parent, path: Path) -> bool:
    """Open `path` in its own program; a workstation with none for that kind of file is told so,
    with where the file is (nothing happened before, and the clerk pressed again)."""
    path = Path(path)
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    kind = path.suffix.lower().lstrip(".") or "này"
    inform(parent, "Không mở được", f"Máy này chưa có chương trình mở tệp .{kind}. Tệp nằm ở {path}: "
           "cài chương trình đọc loại tệp đó, hoặc chép tệp sang máy khác để mở.", warning=True)
    return False
