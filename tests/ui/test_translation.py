"""Qt's standard strings show in Vietnamese (reported: "Undo, Redo, Cut, Copy, Paste, Delete,
Select All" in every text field's menu, English buttons in Qt's own dialogs)."""

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QMenu

from ui.translation import CATALOGUE, install_vietnamese


def test_the_compiled_catalogue_matches_its_source(tmp_path):
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    assert lrelease, "pyside6-lrelease comes with PySide6"
    out = tmp_path / "qtbase_vi.qm"
    subprocess.run([lrelease, str(CATALOGUE.with_suffix(".ts")), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == CATALOGUE.read_bytes(), "run pyside6-lrelease on resources/i18n/qtbase_vi.ts"


def test_text_field_menu_and_standard_buttons_speak_vietnamese(qtbot):
    app = QApplication.instance()
    assert install_vietnamese(app)
    assert QCoreApplication.translate("QLineEdit", "Select All") == "Chọn tất cả"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [action.text().replace("&", "").split("\t")[0] for action in menu.actions() if action.text()]
    assert "Hoàn tác" in texts and "Dán" in texts and "Chọn tất cả" in texts
    assert not any(word in texts for word in ("Undo", "Paste", "Select All"))
    assert isinstance(menu, QMenu)
    menu.deleteLater()
