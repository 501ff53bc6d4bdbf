"""The office's details as they print: the fields, a warning under any that would put a
header or signature off the Party's form (DOMAIN §8) with the fitting wording one click away,
and a live preview of the header and the signature, broken into lines as the PDF breaks them.
Used at first start and from Tệp › Thông tin cơ quan."""

from datetime import date
from xml.sax.saxutils import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.accounts import LABELS, OfficeDetails, office_details, office_warnings, save_office_details
from models.core import clock
from models.core.errors import ValidationError
from reports.fonts import FACES, FONT_DIR
from reports.letterhead import LEFT_COLUMN_MM, RIGHT_COLUMN_MM, left_column, number_line, office_signature
from reports.numbers import header_date
from ui.widgets.buttons import confirm
from ui.widgets.form_dialog import FormDialog
from ui.widgets.form_errors import ErrorLabel, FormErrors

PREVIEW_WIDTH = 460  # px for the 165 mm between the margins: about one pixel per point
WARNING_COLOR = "#8d5a00"
FIELD_WIDTH = 220  # room for a warning to wrap in a few lines, and the preview beside it at 1024 px
_document_family = ""


def document_family() -> str:
    """The family the documents print in (Liberation Serif, Times New Roman's metrics), loaded
    into Qt once so the preview breaks and looks as the page does."""
    global _document_family
    if not _document_family:
        for file in FACES.values():
            loaded = QFontDatabase.addApplicationFont(str(FONT_DIR / file))
            families = QFontDatabase.applicationFontFamilies(loaded) if loaded >= 0 else []
            _document_family = _document_family or (families[0] if families else "serif")
    return _document_family


def preview_html(details: OfficeDetails, on: date) -> str:
    """The header, title and signature block as they print, at about one pixel per point."""
    superior, issuing = left_column(details.superior_body or "…", details.bloc_name or "…")
    signature = office_signature(details)
    total = LEFT_COLUMN_MM + RIGHT_COLUMN_MM
    left_px = round(PREVIEW_WIDTH * LEFT_COLUMN_MM / total)

    def lines(items: list[str]) -> str:
        return "<br>".join(escape(item) for item in items)

    return f"""
<div style="font-family: '{document_family()}'; font-size: 14px; color: black;">
<table width="{PREVIEW_WIDTH}" cellspacing="0" cellpadding="0">
<tr><td width="{left_px}" align="center" valign="top">{lines(superior)}<br><b>{lines(issuing)}</b><br>*<br>
{escape(number_line(None, details.code or "…")).replace(" ", "&nbsp;")}</td>
<td align="center" valign="top"><b style="font-size: 15px;"><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></b><br><br>
<i>{escape(header_date(details.place or "…", on))}</i></td></tr>
</table>
<p align="center" style="font-size: 16px; margin-top: 12px;"><b>BÁO CÁO</b></p>
<p align="center">…</p>
<table width="{PREVIEW_WIDTH}" cellspacing="0" cellpadding="0">
<tr><td width="{PREVIEW_WIDTH // 2}" valign="top"><u>Nơi nhận:</u></td>
<td align="center" valign="top"><b>{escape(signature.on_behalf)}<br>{escape(signature.title)}</b>
<br><br><br><b>{escape(signature.name) or "&nbsp;"}</b></td></tr>
</table></div>"""


class OfficeFields(QWidget):
    """The six details with their errors and warnings, beside the preview."""

    def __init__(self, errors: FormErrors, parent=None):
        super().__init__(parent)
        details = office_details()
        form_box = QGroupBox("Thông tin cơ quan")
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        self.warnings: dict[str, ErrorLabel] = {}
        for key, label in LABELS.items():
            edit = QLineEdit(getattr(details, key))
            edit.setMinimumWidth(FIELD_WIDTH)
            self.edits[key] = edit
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(errors.add(key, edit))
            warning = ErrorLabel()
            warning.setStyleSheet(f"color: {WARNING_COLOR};")
            warning.setTextFormat(Qt.TextFormat.RichText)
            warning.linkActivated.connect(lambda suggestion, edit=edit: edit.setText(suggestion))
            warning.hide()
            self.warnings[key] = warning
            box.addWidget(warning)
            form.addRow(label, box)
            edit.textChanged.connect(self.refresh)
        self.edits["bloc_name"].setPlaceholderText("ví dụ Đảng ủy Khối các cơ quan tỉnh")
        self.edits["superior_body"].setPlaceholderText("ví dụ Đảng bộ tỉnh Quảng Ninh")
        self.edits["code"].setPlaceholderText("ví dụ ĐUK")
        self.edits["place"].setPlaceholderText("ví dụ Hạ Long")
        self.edits["signer_title"].setPlaceholderText("Bí thư hoặc Phó Bí thư")
        preview_box = QGroupBox("Trên văn bản sẽ in")
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setMinimumWidth(PREVIEW_WIDTH + 8)
        self.preview.setStyleSheet("background: white; padding: 4px;")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)
        preview_layout.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form_box, 1)
        layout.addWidget(preview_box)
        self.refresh()

    def details(self) -> OfficeDetails:
        return OfficeDetails(**{key: edit.text() for key, edit in self.edits.items()})

    def refresh(self) -> None:
        details = self.details()
        warnings = office_warnings(details)
        for key, label in self.warnings.items():
            warning = warnings.get(key)
            if warning is None:
                label.hide()
                continue
            text = escape(warning.message)
            if warning.suggestion:
                target = escape(warning.suggestion, {'"': "&quot;"})
                text += f' <a href="{target}">Sửa thành “{escape(warning.suggestion)}”</a>'
            label.setText(text)
            label.show()
        self.preview.setText(preview_html(details, clock.today()))

    def off_form(self) -> list[str]:
        """The labels of the details that would print off the Party's form (a missing signer's
        name prints an empty line, which the office may mean)."""
        return [LABELS[key] for key in office_warnings(self.details()) if key != "signer_name"]


def confirm_off_form(parent: QWidget, fields: OfficeFields) -> None:
    """Ask before saving details that print off the form; refuse the save when the clerk
    would rather fix them."""
    off_form = fields.off_form()
    if off_form and not confirm(parent, "Thông tin cơ quan",
                                "Văn bản sẽ không đúng thể thức ở: " + "; ".join(off_form).lower()
                                + ".\nVẫn lưu như đã nhập?", yes="Vẫn lưu"):
        raise ValidationError("", "Chưa lưu: sửa theo các dòng nhắc màu nâu rồi lưu lại.")


class OfficeDialog(FormDialog):
    """Tệp › Thông tin cơ quan: the details an administrator set at first start, changed later."""

    def __init__(self, parent=None):
        super().__init__("Thông tin cơ quan trên văn bản", parent)
        self.fields = OfficeFields(self.errors)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.mark_clean()

    def write(self) -> None:
        confirm_off_form(self, self.fields)
        save_office_details(self.fields.details())
