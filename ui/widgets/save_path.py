"""Where to save a file the app writes: the save dialog opens in the folder last used for that
kind of file, and remembers the one the clerk chose."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ui import settings
from ui.settings import Setting


def ask_save_path(parent: QWidget, title: str, file_name: str, file_filter: str,
                  remembered: Setting = settings.LAST_REPORT_FOLDER, start_folder: str = "") -> Path | None:
    folder = remembered.get() or start_folder
    path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / file_name), file_filter)
    if not path:
        return None
    remembered.set(str(Path(path).parent))
    return Path(path)
