"""A PDF shown inside the app, page by page (rendered by PDFium, since the Qt PDF module is
not part of PySide6-Essentials), printed through the system's print dialog."""

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPageLayout,
    QPainter,
    QPixmap,
    QShortcut,
    QTransform,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.tasks import Task, run_task
from ui.widgets.buttons import inform
from ui.widgets.open_file import open_with_system
from ui.widgets.screen import fit_to_screen

SCREEN_SCALE = 1.4  # PDF points to screen pixels
PRINT_DPI = 300


def render_page(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    bitmap = document[index].render(scale=scale, rev_byteorder=True)  # RGB, as QImage reads it
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: the buffer goes with the bitmap


def render_pages(path: Path, scale: float) -> list[QImage]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [render_page(document, index, scale) for index in range(len(document))]
    finally:
        document.close()


def pdf_orientation(path: Path) -> QPageLayout.Orientation:
    """Landscape when the document's first page is wider than tall (a list like the trích
    ngang), for the print dialog to offer."""
    document = pdfium.PdfDocument(str(path))
    try:
        wide = len(document) > 0 and document[0].get_width() > document[0].get_height()
    finally:
        document.close()
    return QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Every page, scaled to the printer's page, and turned a quarter when its orientation is
    not the sheet's (a landscape list left on portrait paper fills the sheet, not its top
    half); returns the pages sent."""
    document = pdfium.PdfDocument(str(path))
    pages = len(document)
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    try:
        for index in range(pages):
            if index:
                printer.newPage()
            image = render_page(document, index, PRINT_DPI / 72)
            target = painter.viewport()
            if (image.width() > image.height()) != (target.width() > target.height()):
                # A landscape page in a portrait sheaf has its top towards the bound left edge.
                image = image.transformed(QTransform().rotate(-90))
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
        document.close()
    return pages


class PdfPreviewDialog(QDialog):
    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(f"Xem trước — {self.path.name}")
        self.scale = SCREEN_SCALE
        self.pages = QVBoxLayout()
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget()
        holder.setLayout(self.pages)
        holder.setStyleSheet("background: #808080;")
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.count = QLabel()
        print_button = QPushButton("In…")
        print_button.clicked.connect(self.print_document)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        bigger, smaller = QPushButton("Phóng to"), QPushButton("Thu nhỏ")
        bigger.clicked.connect(lambda: self.zoom(1.25))
        smaller.clicked.connect(lambda: self.zoom(0.8))
        external = QPushButton("Mở bằng chương trình khác")
        external.clicked.connect(lambda: open_with_system(self, self.path))
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        for widget in (self.count, smaller, bigger):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (external, print_button, close):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        fit_to_screen(self, 980, 900)
        self.rendering = self.show_pages()

    def show_pages(self) -> Task:
        """Pages rendered off the UI thread (a long report takes a second), shown when ready."""
        path, scale = self.path, self.scale
        self.count.setText("Đang dựng trang…")
        return run_task(self, lambda _progress: render_pages(path, scale), self._show_rendered)

    def _show_rendered(self, images: list[QImage]) -> None:
        while self.pages.count():
            self.pages.takeAt(0).widget().deleteLater()
        for image in images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            self.pages.addWidget(label)
        self.count.setText(f"{len(images)} trang")

    def zoom(self, factor: float) -> Task:
        self.scale = min(4.0, max(0.5, self.scale * factor))
        self.rendering = self.show_pages()
        return self.rendering

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageOrientation(pdf_orientation(self.path))  # the dialog offers the document's own
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In tài liệu")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # pages drawn at print resolution
        try:
            sent = print_pdf(self.path, printer)
        finally:
            QApplication.restoreOverrideCursor()
        if not sent:
            name = printer.printerName() or "đã chọn"
            inform(self, "In tài liệu", f"Không in được: máy in {name} không nhận lệnh in. Kiểm tra máy in "
                   "(đã bật, còn giấy, đã cài) rồi bấm In… lần nữa, hoặc bấm “Mở bằng chương trình khác” "
                   "để in bằng chương trình đọc PDF.", warning=True)
