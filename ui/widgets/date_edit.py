"""A date field typed as dd/MM/yyyy. It keeps whatever the clerk typed; the check happens on
save, so a wrong date is reported next to the field instead of silently changed."""

import datetime

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit

from models.core.dates import fmt_date, parse_date
from models.core.errors import ValidationError


class DateEdit(QLineEdit):
    def __init__(self, label: str, field: str, parent=None):
        super().__init__(parent)
        self.label = label
        self.field = field
        self.setPlaceholderText("dd/mm/yyyy")
        self.setMaxLength(10)
        # Digits and separators only; the calendar check is parse_date's.
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9/.\-]{0,10}"), self))
        self.setMaximumWidth(130)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("00/00/00000"))
        self.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        """"15031995" typed becomes "15/03/1995" on leaving the field; anything that is not a
        date stays as typed, for the message on saving."""
        try:
            day = self.date()
        except ValidationError:
            return
        if day is not None and self.text() != fmt_date(day):
            self.setText(fmt_date(day))

    def date(self) -> datetime.date | None:
        """The typed date, None when empty; raises ValidationError when it is not a date."""
        return parse_date(self.text(), self.field, self.label)

    def set_date(self, value: datetime.date | None) -> None:
        self.setText(fmt_date(value))
