"""The meeting form's attached files: copied into the program's data folder (or the server),
opened from that copy, removed on confirmation."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.core.errors import ValidationError
from models.meetings import attach_file, file_copy, files_of, remove_file
from ui.widgets import file_dialog
from ui.widgets.buttons import confirm, inform
from ui.widgets.open_file import open_with_system


class MeetingFilesTab(QWidget):
    """`saved_meeting()` gives the meeting's id, saving a new meeting first (None if refused)."""

    def __init__(self, saved_meeting: Callable[[], int | None], parent=None):
        super().__init__(parent)
        self.saved_meeting = saved_meeting
        self.meeting_id: int | None = None
        self.files = QListWidget()
        self.files.itemDoubleClicked.connect(lambda _item: self.open_file())
        attach = QPushButton("Đính kèm tệp…")
        attach.clicked.connect(self.attach)
        open_button = QPushButton("Mở")
        open_button.clicked.connect(self.open_file)
        drop = QPushButton("Xóa tệp đính kèm")
        drop.clicked.connect(self.remove_attached)
        bar = QHBoxLayout()
        for widget in (attach, open_button, drop):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(QLabel("Tệp được chép vào thư mục dữ liệu của chương trình: xóa hay chuyển tệp gốc "
                                "không làm mất bản đính kèm."))
        layout.addWidget(self.files)

    def load(self, meeting_id: int) -> None:
        self.meeting_id = meeting_id
        self.files.clear()
        for stored in files_of(meeting_id):
            missing = " — KHÔNG TÌM THẤY BẢN CHÉP" if stored.missing else ""
            item = QListWidgetItem(f"{stored.original_name} ({stored.size:,} byte, "
                                   f"{stored.added_at:%d/%m/%Y}){missing}".replace(",", "."))
            item.setData(256, stored)
            self.files.addItem(item)

    def attach(self) -> None:
        meeting_id = self.saved_meeting()
        if meeting_id is None:
            return
        paths, _filter = file_dialog.get_open_file_names(self, "Chọn tệp đính kèm")
        for path in paths:
            try:
                attach_file(meeting_id, Path(path))
            except ValidationError as error:
                inform(self, "Không đính kèm được", error.message, warning=True)
        self.load(meeting_id)

    def _chosen_file(self):
        item = self.files.currentItem()
        return item.data(256) if item else None

    def open_file(self) -> None:
        stored = self._chosen_file()
        if stored is None:
            return
        try:
            path = file_copy(stored.id)  # from the server, written to this workstation first
        except ValidationError as error:
            inform(self, "Không mở được", error.message, warning=True)
            return
        open_with_system(self, path)

    def remove_attached(self) -> None:
        stored = self._chosen_file()
        if stored is not None and confirm(self, "Xóa tệp đính kèm", f"Xóa “{stored.original_name}” khỏi cuộc "
                                          "họp? Bản chép trong thư mục dữ liệu cũng bị xóa.", yes="Xóa"):
            remove_file(stored.id)
            self.load(self.meeting_id)  # a file is listed only once its meeting is saved
