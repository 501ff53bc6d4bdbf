"""Mẫu báo cáo: the form the office sends with its new requests, line by line — the label
reworded, a line left out or moved, a line of the office's own added — or back to the standard
form. Requests already sent keep the form they went out with."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from models.returns import COUNT, LINE_KINDS, FormLine, office_form, save_office_form, standard_form
from ui.widgets.code_combo import code_combo
from ui.widgets.form_dialog import FormDialog

KEY, LABEL, KIND = 0, 1, 2


class FormEditorDialog(FormDialog):
    def __init__(self, parent=None):
        super().__init__("Mẫu báo cáo của tổ chức cơ sở", parent)
        intro = QLabel("Các yêu cầu tạo từ nay gửi kèm mẫu này; yêu cầu đã gửi giữ mẫu cũ. Mã của dòng chuẩn "
                       "(chương trình so với hồ sơ và cộng vào báo cáo) giữ nguyên; dòng riêng đặt mã mới, "
                       "chữ không dấu.")
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Mã", "Chỉ tiêu", "Loại"])
        self.table.horizontalHeader().setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(KEY, 170)
        self.table.setColumnWidth(KIND, 130)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        buttons = QHBoxLayout()
        for text, slot in (("Thêm dòng", self.add_line), ("Bỏ dòng", self.remove_line),
                           ("Lên", lambda: self.move_line(-1)), ("Xuống", lambda: self.move_line(1)),
                           ("Mẫu chuẩn", lambda: self.show_lines(standard_form()))):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        form_error = self.errors.add("form", self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(form_error)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(760, 560)
        self.show_lines(office_form())
        self.mark_clean()

    def table_state(self) -> dict:
        return {"lines": [[line.key, line.label, line.kind] for line in self.lines()]}

    def put_table_state(self, state: dict) -> None:
        lines = state.get("lines")
        if isinstance(lines, list) and all(isinstance(line, list) and len(line) == 3 and
                                           all(isinstance(part, str) for part in line) for line in lines):
            self.show_lines([FormLine(*line) for line in lines])

    def show_lines(self, lines: list[FormLine]) -> None:
        self.table.setRowCount(0)
        for line in lines:
            self._append(line)

    def _append(self, line: FormLine, at: int | None = None) -> None:
        row = self.table.rowCount() if at is None else at
        self.table.insertRow(row)
        self.table.setItem(row, KEY, QTableWidgetItem(line.key))
        self.table.setItem(row, LABEL, QTableWidgetItem(line.label))
        kind = code_combo(LINE_KINDS)
        kind.setCurrentIndex(max(kind.findData(line.kind), 0))
        self.table.setCellWidget(row, KIND, kind)

    def lines(self) -> list[FormLine]:
        found = []
        for row in range(self.table.rowCount()):
            key, label = self.table.item(row, KEY), self.table.item(row, LABEL)
            found.append(FormLine(key.text() if key else "", label.text() if label else "",
                                  self.table.cellWidget(row, KIND).currentData()))
        return found

    def add_line(self) -> None:
        at = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self._append(FormLine("", "", COUNT), at)
        self.table.setCurrentCell(at, KEY)
        self.table.editItem(self.table.item(at, KEY))

    def remove_line(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def move_line(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        lines = self.lines()
        lines[row], lines[target] = lines[target], lines[row]
        self.show_lines(lines)
        self.table.setCurrentCell(target, LABEL)

    def write(self) -> None:
        save_office_form(self.lines())
