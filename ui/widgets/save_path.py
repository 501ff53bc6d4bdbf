"""Where to save a file the app writes: the save dialog opens in the folder last used for that
kind of file (else the clerk's Documents folder), with a name that says what the file holds,
and remembers the folder the clerk chose."""

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ui import settings
from ui.settings import Setting
from ui.widgets import file_dialog


def ask_save_path(parent: QWidget, title: str, file_name: str, file_filter: str,
                  remembered: Setting = settings.LAST_REPORT_FOLDER, start_folder: str = "") -> Path | None:
    # With nothing remembered, the Documents folder: a bare name opened the dialog in the
    # program's own folder, and so did a folder no longer there (a USB stick taken out).
    folder = file_dialog.existing_folder(remembered.get(), start_folder)
    path, _ = file_dialog.get_save_file_name(parent, title, str(Path(folder) / file_name), file_filter)
    if not path:
        return None
    remembered.set(str(Path(path).parent))
    return Path(path)
