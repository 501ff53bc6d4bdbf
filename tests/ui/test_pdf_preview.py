"""The PDF preview renders every page in the app and prints through a QPrinter."""

from datetime import date

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from reports.document import Body, Header, Signature, build_document
from tests.conftest import finish
from ui.widgets.pdf_preview import PdfPreviewDialog, print_pdf


def _document(path):
    body = Body()
    for index in range(60):
        body.paragraph(f"Đoạn {index}: nội dung báo cáo có đủ dấu tiếng Việt — ắ ằ ẳ ẵ ặ ơ ư đ.")
    return build_document(path, Header("Đảng bộ tỉnh", "Đảng ủy Khối", "Số 01-BC/ĐUK", "Hạ Long",
                                       date(2024, 1, 15), "Báo cáo", "Thử"), body, Signature(), ["Lưu"])


def test_preview_shows_every_page_and_zooms(qtbot, tmp_path):
    path = _document(tmp_path / "bc.pdf")
    pages = len(PdfReader(path).pages)
    dialog = PdfPreviewDialog(path)
    qtbot.addWidget(dialog)
    finish(qtbot, dialog.rendering)
    assert dialog.count.text() == f"{pages} trang" and dialog.pages.count() == pages
    width = dialog.pages.itemAt(0).widget().pixmap().width()
    finish(qtbot, dialog.zoom(1.25))
    assert dialog.pages.itemAt(0).widget().pixmap().width() > width


def test_printing_sends_every_page(qtbot, tmp_path):
    path = _document(tmp_path / "bc.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in.pdf"))
    sent = print_pdf(path, printer)
    assert sent == len(PdfReader(path).pages) == len(PdfReader(tmp_path / "in.pdf").pages)
