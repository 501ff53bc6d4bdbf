"""Trợ giúp → Hướng dẫn sử dụng: the user guide shipped in resources/guide, read in the app
(offline: no browser, no network)."""


from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from resources import resource_path
from ui.widgets.buttons import vietnamese_buttons
from ui.widgets.screen import fit_to_screen

GUIDE = resource_path("guide", "huong-dan.html")


class GuideDialog(QDialog):
    def __init__(self, anchor: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle("Hướng dẫn sử dụng Đảng vụ")
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(GUIDE.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(GUIDE)))
        if anchor:
            self.browser.scrollToAnchor(anchor)
        buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 760)
