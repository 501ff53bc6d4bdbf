"""Pick a member from the registry: type part of a name or card number, choose from the
matches (the first fifty, sorted the Vietnamese way)."""

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from models.core import vocab as v
from models.members import MemberFilter, member_page, member_rows
from ui.widgets.search_box import SearchBox

LIMIT = 50


class MemberPicker(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.search = SearchBox("Gõ họ tên hoặc số thẻ…")
        self.choice = QComboBox()
        self.choice.setMinimumContentsLength(30)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.choice, 2)
        self.search.search.connect(self.find)

    def find(self, text: str) -> None:
        self.choice.clear()
        if not text.strip():
            return
        ids = member_page(MemberFilter(text=text), limit=LIMIT)
        rows = member_rows(ids)
        for member_id in ids:
            row = rows[member_id]
            self.choice.addItem(f"{row.full_name} ({row.birth_date:%d/%m/%Y}) — {row.org_name}, "
                                f"{v.MEMBERSHIPS.get(row.membership, '').lower()}", member_id)

    def member_id(self) -> int | None:
        return self.choice.currentData()
