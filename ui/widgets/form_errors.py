"""Shows a ValidationError next to the field that caused it, keeping what was typed."""

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from models.core.errors import ValidationError

_WIDE = 10_000  # a field narrower than this is capped by its own maximum width
_INVALID_STYLE = "border: 1px solid #c62828; border-radius: 2px;"


class ErrorLabel(QLabel):
    """A wrapped message that asks for the height its lines need at the width it is given:
    a QFormLayout does not pass height-for-width down to a row's nested layout, so a
    two-line message got one line's height and showed two half lines."""

    def __init__(self):
        super().__init__()
        self.setStyleSheet("color: #c62828;")
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.width() > 0:
            needed = max(0, self.heightForWidth(self.width()))
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)


class FormErrors:
    def __init__(self, fallback: QLabel):
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._own_style: dict[str, str] = {}
        self._fallback = fallback
        self._fallback.setStyleSheet("color: #c62828;")
        self._fallback.setWordWrap(True)
        self._fallback.hide()

    def add(self, field: str, widget: QWidget) -> QLabel:
        """Register a field; returns the (hidden) message label to put beside or below it."""
        label = ErrorLabel()
        label.hide()
        self._fields[field] = (widget, label)
        self._own_style[field] = widget.styleSheet()
        return label

    def add_row(self, form: QFormLayout, field: str, label: str | QLabel, widget: QWidget) -> QWidget:
        """Add a form row: the widget with its (hidden) error message right below it."""
        box = QVBoxLayout()
        box.setSpacing(2)
        # A narrow field (a date) sits in a row of its own so the message below it gets the
        # whole width of the column rather than the field's 130 px.
        row = QHBoxLayout()
        row.addWidget(widget)
        if widget.maximumWidth() < _WIDE:
            row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self.add(field, widget))
        form.addRow(label, box)
        return widget

    def clear(self) -> None:
        for field, (widget, label) in self._fields.items():
            widget.setStyleSheet(self._own_style[field])
            label.hide()
        self._fallback.hide()

    def show(self, error: ValidationError) -> None:
        self.clear()
        if error.field in self._fields:
            widget, label = self._fields[error.field]
            widget.setStyleSheet(self._own_style[error.field] + _INVALID_STYLE)
            label.setText(error.message)
            label.show()
            _reveal(widget)
            widget.setFocus()
        else:
            self._fallback.setText(error.message)
            self._fallback.show()

    def clear_field(self, field: str) -> None:
        """The clerk corrected what the message was about: it goes."""
        widget, label = self._fields[field]
        widget.setStyleSheet(self._own_style[field])
        label.hide()

    def message_for(self, field: str) -> str:
        label = self._fields[field][1]
        return "" if label.isHidden() else label.text()


def _reveal(widget: QWidget) -> None:
    """Bring to the front any tab page that hides the widget."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            for index in range(parent.count()):
                if parent.widget(index).isAncestorOf(widget):
                    parent.setCurrentIndex(index)
        parent = parent.parentWidget()
