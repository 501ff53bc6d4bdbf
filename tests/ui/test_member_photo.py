"""The member form's photo: a picture chosen from a file is shown and saved; a file that only
starts like a picture (a download cut short) is refused beside the photo, as the form's other
errors are, and the photo already there stays. Before, it was stored and shown as "Chưa có ảnh"."""

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QPushButton

from models.members.record import get_photo
from ui.members.dialogs import MemberDialog
from ui.widgets import file_dialog


def _png(path, color="#8a3"):
    image = QImage(30, 40, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path), "PNG")
    return path


def _choose(dialog, monkeypatch, path) -> None:
    monkeypatch.setattr(file_dialog, "get_open_file_name", lambda *args, **kwargs: (str(path), ""))
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "Chọn ảnh 3×4…").click()


def test_a_photo_is_shown_saved_and_a_broken_one_refused(qtbot, make_member, monkeypatch, tmp_path):
    member = make_member()
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    good = _png(tmp_path / "anh.png")
    _choose(dialog, monkeypatch, good)
    assert not dialog.photo_label.pixmap().isNull()
    assert dialog.save() is True
    assert get_photo(member.id) == good.read_bytes()

    broken = tmp_path / "anh-hong.png"
    broken.write_bytes(good.read_bytes()[:40])
    _choose(dialog, monkeypatch, broken)
    assert "hỏng" in dialog.errors.message_for("photo")
    assert not dialog.photo_label.pixmap().isNull()  # the photo shown is still the good one
    dialog.save()
    assert get_photo(member.id) == good.read_bytes()
    _choose(dialog, monkeypatch, _png(tmp_path / "anh-moi.png", "#38a"))
    assert dialog.errors.message_for("photo") == ""  # the refusal goes with a good choice
