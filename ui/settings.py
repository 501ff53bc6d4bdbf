"""Every setting the UI keeps, declared once with its type and default (QSettings)."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any

    def get(self) -> Any:
        value = QSettings().value(self.key, self.default)
        if value is None:
            return self.default
        if self.type is QByteArray:
            return value if isinstance(value, QByteArray) else QByteArray()
        try:
            return self.type(value)
        except (TypeError, ValueError):
            return self.default

    def set(self, value: Any) -> None:
        QSettings().setValue(self.key, value)


WINDOW_GEOMETRY = Setting("main_window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("main_window/state", QByteArray, QByteArray())
MEMBER_COLUMNS = Setting("members/header", QByteArray, QByteArray())
MEMBER_DIALOG_GEOMETRY = Setting("members/dialog_geometry", QByteArray, QByteArray())
ORG_SPLITTER = Setting("orgs/splitter", QByteArray, QByteArray())
ORG_COLUMNS = Setting("orgs/header", QByteArray, QByteArray())
ORG_SHOW_DISSOLVED = Setting("orgs/show_dissolved", int, 0)
LAST_PHOTO_FOLDER = Setting("members/last_photo_folder", str, "")
LAST_REPORT_FOLDER = Setting("reports/last_folder", str, "")
BACKUP_FOLDER = Setting("backup/folder", str, "")  # empty: "sao-luu" beside the database
LAST_BACKUP_FOLDER = Setting("backup/last_manual_folder", str, "")
LAST_USERNAME = Setting("accounts/last_username", str, "")  # offered at the next sign-in
# The office's database server chosen in Tệp › Kết nối máy chủ dữ liệu (its address without the
# password, which only the operating system's credential store keeps); empty: the local file.
DATA_SERVER = Setting("data/server", str, "")
