"""The file chooser in Vietnamese (reported: "Look in:", "Files of type:", "Folder", dates as
"4 12 2026", the size and type columns cut, and the first save offered the program's own
folder)."""

import re

from PySide6.QtCore import QDir, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QLabel, QTreeView

from ui import settings
from ui.translation import install_vietnamese
from ui.widgets import file_dialog
from ui.widgets.save_path import ask_save_path


def test_the_chooser_speaks_vietnamese_and_writes_dates_as_clerks_do(qtbot, tmp_path):
    install_vietnamese(QApplication.instance())
    (tmp_path / "bao-cao.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "thu-muc").mkdir()
    dialog = file_dialog._dialog(None, "Lưu báo cáo PDF", str(tmp_path), "")
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 2, timeout=10_000)
    labels = {label.text().replace("&", "") for label in dialog.findChildren(QLabel) if label.text()}
    assert {"Tìm trong:", "Tên tệp:", "Loại tệp:"} <= labels
    assert not labels & {"Look in:", "File name:", "Files of type:"}
    model = view.model()
    headers = [model.headerData(column, Qt.Orientation.Horizontal) for column in range(4)]
    assert headers == ["Tên", "Cỡ", "Loại", "Ngày sửa"]
    rows = {model.index(row, 0, view.rootIndex()).data(): [model.index(row, column, view.rootIndex()).data()
                                                            for column in range(4)]
            for row in range(2)}
    assert rows["thu-muc"][2] == "Thư mục"
    assert "File" not in rows["bao-cao.pdf"][2] and "document" not in rows["bao-cao.pdf"][2]
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", rows["bao-cao.pdf"][3])
    qtbot.waitUntil(lambda: view.header().sectionSize(2) >= view.sizeHintForColumn(2), timeout=5_000)


def test_the_first_save_starts_in_documents(monkeypatch, tmp_path):
    (tmp_path / "Documents").mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "Documents"))
    asked = []
    monkeypatch.setattr(file_dialog, "get_save_file_name",
                        lambda _parent, _title, path, _filter: asked.append(path) or ("", ""))
    settings.LAST_REPORT_FOLDER.set("")
    ask_save_path(None, "Lưu", "bao-cao-tong-ket-2026.pdf", "PDF (*.pdf)")
    assert asked == [f"{tmp_path / 'Documents'}/bao-cao-tong-ket-2026.pdf"]


def test_without_a_documents_folder_the_first_save_starts_at_home(monkeypatch, tmp_path):
    """A profile with no Documents folder (a new Linux account): the chooser, pointed at a folder
    that is not there, opened on the program's own folder."""
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "khong-co"))
    assert file_dialog.documents_folder() == QDir.homePath()
    (tmp_path / "khong-co").mkdir()
    assert file_dialog.documents_folder() == str(tmp_path / "khong-co")


def test_a_remembered_folder_no_longer_there_is_passed_over(monkeypatch, tmp_path):
    """The last report went to a USB stick since taken out: the chooser opened on the program's
    own folder."""
    (tmp_path / "Documents").mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "Documents"))
    asked = []
    monkeypatch.setattr(file_dialog, "get_save_file_name",
                        lambda _parent, _title, path, _filter: asked.append(path) or ("", ""))
    settings.LAST_REPORT_FOLDER.set(str(tmp_path / "usb-da-rut"))
    ask_save_path(None, "Lưu", "bao-cao.pdf", "PDF (*.pdf)")
    assert asked == [f"{tmp_path / 'Documents'}/bao-cao.pdf"]


def test_an_open_chooser_at_a_folder_no_longer_there_starts_in_documents(monkeypatch, tmp_path):
    (tmp_path / "Documents").mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _where: str(tmp_path / "Documents"))
    opened = []
    monkeypatch.setattr(file_dialog, "_run", lambda dialog: opened.append(dialog.directory().path()) or [])
    file_dialog.get_open_file_name(None, "Chọn ảnh 3×4", str(tmp_path / "usb-da-rut"))
    file_dialog.get_open_file_names(None, "Chọn các mẫu", str(tmp_path / "usb-da-rut"))
    file_dialog.get_existing_directory(None, "Thư mục", str(tmp_path / "usb-da-rut"))
    file_dialog.get_open_file_name(None, "Chọn ảnh 3×4", str(tmp_path))
    assert opened == [str(tmp_path / "Documents")] * 3 + [str(tmp_path)]


def test_a_backups_name_is_shown_whole(qtbot, tmp_path):
    """On a real display the restore chooser showed "demo-t…-07.db": the day of the backup, in its
    name, cut out by a dialog 630 px wide."""
    install_vietnamese(QApplication.instance())
    (tmp_path / "demo-tu-dong-2026-12-07.db").write_bytes(b"SQLite format 3\0")
    dialog = file_dialog._dialog(None, "Chọn bản sao lưu để khôi phục", str(tmp_path), "")
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 1, timeout=10_000)
    qtbot.waitUntil(lambda: view.header().sectionSize(2) >= view.sizeHintForColumn(2), timeout=5_000)
    assert view.header().sectionSize(0) >= view.sizeHintForColumn(0)
