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


def _inked_rows(pdf_path) -> tuple[float, float]:
    """The first and last rows with ink on the first page, as fractions of its height."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf_path))
    image = document[0].render(scale=0.5).to_pil().convert("L")
    document.close()
    width, height = image.size
    pixels = image.load()
    rows = [y for y in range(height) if any(pixels[x, y] < 128 for x in range(0, width, 2))]
    return rows[0] / height, rows[-1] / height


def test_a_landscape_list_fills_the_sheet_it_is_printed_on(qtbot, tmp_path):
    """Found printing the trích ngang (A4 landscape): on a portrait sheet it came out at 70 %,
    in the top half of the paper. The print dialog now offers the document's own orientation,
    and a page of the other orientation is turned to fill the sheet."""
    from PySide6.QtGui import QPageLayout
    from reportlab.lib.units import mm

    from reports.document import WIDE
    from ui.widgets.pdf_preview import pdf_orientation

    body = Body()
    body.table([["STT", "Họ và tên", "Quê quán"], ["1", "Nguyễn Thị Phương Thảo", "xã Quảng Minh"]],
               [20, 80, WIDE / mm - 100])
    path = build_document(tmp_path / "tn.pdf", Header("Đảng bộ tỉnh", "Đảng ủy Khối", "", "Hạ Long",
                                                      date(2024, 1, 15), "Danh sách", "trích ngang"),
                          body, Signature(), [], wide=True)
    assert pdf_orientation(path) == QPageLayout.Orientation.Landscape
    assert pdf_orientation(_document(tmp_path / "bc.pdf")) == QPageLayout.Orientation.Portrait
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "in.pdf"))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)  # the sheet the clerk left chosen
    assert print_pdf(path, printer) == 1
    top, bottom = _inked_rows(tmp_path / "in.pdf")
    assert bottom - top > 0.6  # the list's whole width along the sheet's length, not its top half


def test_a_printer_that_refuses_the_job_is_said(qtbot, tmp_path, monkeypatch):
    """A printer that did not take the job (switched off, no driver) left the clerk with
    nothing: no page came out and nothing was said."""
    from PySide6.QtWidgets import QDialog

    from ui.widgets import pdf_preview

    class Accepting:
        def __init__(self, printer, parent):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer whose job cannot start
            printer.setOutputFileName(str(tmp_path / "khong-co-thu-muc" / "in.pdf"))

        def setWindowTitle(self, _title):  # noqa: N802 - Qt's name
            pass

        def exec(self):
            return QDialog.DialogCode.Accepted

    said = []
    monkeypatch.setattr(pdf_preview, "QPrintDialog", Accepting)
    monkeypatch.setattr(pdf_preview, "inform", lambda _parent, title, text, warning=False: said.append(text))
    dialog = PdfPreviewDialog(_document(tmp_path / "bc.pdf"))
    qtbot.addWidget(dialog)
    finish(qtbot, dialog.rendering)
    dialog.print_document()
    assert said and "Không in được" in said[0] and "Mở bằng chương trình khác" in said[0]


def test_a_workstation_without_a_pdf_reader_is_told(qtbot, tmp_path, monkeypatch):
    """“Mở bằng chương trình khác” on a workstation with no program for PDF did nothing at all."""
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QPushButton

    from ui.widgets import open_file

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    said = []
    monkeypatch.setattr(open_file, "inform", lambda _parent, title, text, warning=False: said.append(text),
                        raising=False)
    dialog = PdfPreviewDialog(_document(tmp_path / "bc.pdf"))
    qtbot.addWidget(dialog)
    finish(qtbot, dialog.rendering)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Mở bằng chương trình khác")
    button.click()
    assert opened and said and "chưa có chương trình mở tệp .pdf" in said[0] and "bc.pdf" in said[0]
