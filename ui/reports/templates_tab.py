"""Báo cáo › Mẫu văn bản: the office's wording of the documents printed from records — the
grounds, the articles, the recipients — edited once when the rules in force change. Each save
is a new version (audited); "Về mẫu mặc định" brings back the wording of DOMAIN §12 to edit."""

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.accounts import CHANGE_SETTINGS, draft_slot, may
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from models.documents import (
    DEFAULTS,
    KIND_NAMES,
    PARTS,
    Template,
    placeholders_of,
    save_template,
    template_for,
    template_versions,
)
from ui.widgets.buttons import confirm
from ui.widgets.form_drafts import DraftKeeper, retire
from ui.widgets.form_errors import FormErrors


class TemplatesTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.kind = QComboBox()
        for code, name in KIND_NAMES.items():
            self.kind.addItem(name, code)
        self.kind.activated.connect(lambda _i: self._switch())
        self.version = QLabel()
        self.fallback = QLabel()
        self.errors = FormErrors(self.fallback)
        form = QFormLayout()
        self.parts: dict[str, QPlainTextEdit] = {}
        for part, label in PARTS.items():
            edit = QPlainTextEdit()
            edit.setMinimumHeight({"grounds": 120, "articles": 150}.get(part, 80))
            self.parts[part] = edit
            self.errors.add_row(form, part, f"{label}\n(mỗi dòng một ý)", edit)
        self.names = QLabel()
        self.names.setWordWrap(True)
        save = QPushButton("Lưu mẫu")
        save.clicked.connect(self.save)
        save.setEnabled(may(CHANGE_SETTINGS))
        default = QPushButton("Về mẫu mặc định")
        default.setToolTip("Đưa nội dung mặc định vào ô để sửa; chỉ thay mẫu khi bấm Lưu mẫu")
        default.clicked.connect(self.load_default)
        top = QHBoxLayout()
        top.addWidget(QLabel("Loại văn bản"))
        top.addWidget(self.kind)
        top.addWidget(self.version, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(default)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form, 1)
        layout.addWidget(self.names)
        layout.addWidget(self.fallback)
        layout.addLayout(buttons)
        self.shown_kind = self.kind.currentData()
        self.keeper: DraftKeeper | None = None
        self._show(template_for(self.shown_kind))

    def _show(self, template: Template) -> None:
        for part, edit in self.parts.items():
            edit.setPlainText(getattr(template, part))
        self.loaded = self.texts()
        self._keep_typing(template.kind)
        versions = template_versions(template.kind)
        if versions:
            number, saved_at = versions[0]
            self.version.setText(f"Đang dùng bản sửa lần {number}, lưu ngày {fmt_date(saved_at.date())}.")
        else:
            self.version.setText("Đang dùng mẫu mặc định.")
        names = sorted(placeholders_of(template.kind))
        self.names.setText("Chỗ điền từ hồ sơ: " + ", ".join("{" + name + "}" for name in names)
                           + ". Chỗ nào hồ sơ chưa có thì văn bản dừng in và nói thiếu gì.")

    def _keep_typing(self, kind: str) -> None:
        """The wording is rewritten when the rules change, part by part over a sitting: kept
        against a power cut like a form's typing (form_drafts.py)."""
        retire(self.keeper)

        def put(values: dict) -> None:
            for part, edit in self.parts.items():
                if isinstance(values.get(part), str):
                    edit.setPlainText(values[part])
        self.keeper = DraftKeeper(
            self, draft_slot(f"{__name__}.TemplatesTab:{kind}", {}),
            lambda: {part: edit.toPlainText() for part, edit in self.parts.items()}, put,
            self.has_unsaved_changes, lambda: f"Mẫu văn bản: {KIND_NAMES[kind]}")

    def texts(self) -> tuple[str, ...]:
        return tuple(edit.toPlainText() for edit in self.parts.values())

    def has_unsaved_changes(self) -> bool:
        return self.texts() != self.loaded

    def _switch(self) -> None:
        if self.has_unsaved_changes() and not confirm(
                self, "Mẫu văn bản", "Mẫu đang sửa chưa lưu. Bỏ những thay đổi này?", yes="Bỏ thay đổi"):
            self.kind.setCurrentIndex(self.kind.findData(self.shown_kind))
            return
        self.errors.clear()
        self.shown_kind = self.kind.currentData()
        self._show(template_for(self.shown_kind))

    def reload(self) -> None:
        """Show the stored wording again, dropping what was typed (the data were replaced)."""
        self._show(template_for(self.shown_kind))

    def load_default(self) -> None:
        default = DEFAULTS[self.shown_kind]
        for part, edit in self.parts.items():
            edit.setPlainText(getattr(default, part))

    def save(self) -> bool:
        self.errors.clear()
        try:
            template = save_template(self.shown_kind, *self.texts())
        except ValidationError as error:
            self.errors.show(error)
            return False
        self._show(template)
        return True
