"""The member form's photo 3×4: chosen from a file, checked by the models, shown, dropped."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout

from models.core.errors import ValidationError, failure_reason
from models.members import check_photo
from ui import settings
from ui.widgets import file_dialog


class PhotoBox:
    """Part of the member form (which provides `errors` and `edit_buttons`)."""

    def _photo_box(self) -> QVBoxLayout:
        self.photo_label = QLabel("Chưa có ảnh")
        self.photo_label.setFixedSize(150, 200)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #b0b7c3; background: #f6f7f9; color: #666;")
        choose = QPushButton("Chọn ảnh 3×4…")
        choose.clicked.connect(self.choose_photo)
        drop = QPushButton("Bỏ ảnh")
        drop.clicked.connect(lambda: self.set_photo_bytes(None))
        self.photo_error = self.errors.add("photo", self.photo_label)
        self.edit_buttons += [choose, drop]
        box = QVBoxLayout()
        box.addWidget(self.photo_label)
        box.addWidget(self.photo_error)
        box.addWidget(choose)
        box.addWidget(drop)
        box.addStretch(1)
        return box

    def choose_photo(self) -> None:
        folder = settings.LAST_PHOTO_FOLDER.get()
        path, _ = file_dialog.get_open_file_name(self, "Chọn ảnh 3×4", folder, "Ảnh (*.jpg *.jpeg *.png)")
        if not path:
            return
        settings.LAST_PHOTO_FOLDER.set(str(Path(path).parent))
        try:
            data = Path(path).read_bytes()
            check_photo(data)
        except OSError as error:
            self.errors.show(ValidationError("photo", f"Không đọc được tệp ảnh: {failure_reason(error)}."))
            return
        except ValidationError as error:
            self.errors.show(error)
            return
        if not QPixmap().loadFromData(data):  # it starts as a picture but is not one whole
            self.errors.show(ValidationError("photo", "Tệp ảnh bị hỏng (có thể tải về chưa hết), không "
                                                      "xem được; hãy chọn lại tệp ảnh khác."))
            return
        self.errors.clear_field("photo")
        self.set_photo_bytes(data)

    def set_photo_bytes(self, data: bytes | None) -> None:
        self._photo = data
        self._photo_changed = True
        self._show_photo(data)

    def _show_photo(self, data: bytes | None) -> None:
        self._photo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.photo_label.setPixmap(pixmap.scaled(
                self.photo_label.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            ))
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText("Chưa có ảnh")
