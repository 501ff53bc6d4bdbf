"""The form of one main target: its wording and short name, the years (a term spans
several), what measures it and its threshold; a typed result with its source only for a
measure the records cannot give."""


from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout

from models.core import clock
from models.targets import (
    COMPARATORS,
    MANUAL,
    MEASURES,
    RANGE,
    create_target,
    get_target,
    threshold_of,
    update_target,
)
from ui.widgets.code_combo import code_combo, select_code
from ui.widgets.form_dialog import FormDialog


class TargetDialog(FormDialog):
    def __init__(self, target_id: int | None = None, year: int | None = None, parent=None):
        title = "Chỉ tiêu chủ yếu" if target_id is None else f"Chỉ tiêu chủ yếu số {target_id}"
        super().__init__(title, parent)
        self.target_id = target_id
        form = QFormLayout()
        self.year_from, self.year_to = QSpinBox(), QSpinBox()
        for spin in (self.year_from, self.year_to):
            spin.setRange(1990, 2100)
            spin.setValue(year or clock.today().year)
        self.errors.add_row(form, "year_from", "Năm (*)", self.year_from)
        self.errors.add_row(form, "year_to", "Đến năm (chỉ tiêu nhiệm kỳ)", self.year_to)
        self.wording = QPlainTextEdit()
        self.wording.setPlaceholderText("Như nghị quyết ghi, ví dụ: Trên 95% tổ chức đảng hoàn thành tốt "
                                        "nhiệm vụ")
        self.wording.setMaximumHeight(70)
        self.errors.add_row(form, "wording", "Nội dung chỉ tiêu (*)", self.wording)
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText("ví dụ: kết nạp đảng viên mới")
        self.errors.add_row(form, "short_name", "Tên ngắn trong báo cáo (*)", self.short_name)
        self.measure = code_combo({code: label for code, (label, _unit) in MEASURES.items()})
        self.errors.add_row(form, "measure", "Đo bằng (*)", self.measure)
        self.comparator = code_combo(COMPARATORS)
        self.errors.add_row(form, "comparator", "Cách so (*)", self.comparator)
        self.threshold, self.threshold_high = QLineEdit(), QLineEdit()
        self.errors.add_row(form, "threshold", "Mức chỉ tiêu (*)", self.threshold)
        self.errors.add_row(form, "threshold_high", "Mức trên của khoảng", self.threshold_high)
        self.result, self.source = QLineEdit(), QLineEdit()
        self.errors.add_row(form, "result", "Kết quả (số liệu nhập tay)", self.result)
        self.errors.add_row(form, "source", "Nguồn số liệu", self.source)
        self.position = QSpinBox()
        self.position.setRange(0, 999)
        self.errors.add_row(form, "position", "Thứ tự", self.position)
        for combo in (self.measure, self.comparator):
            combo.currentIndexChanged.connect(lambda _i: self._enable())
        if target_id is not None:
            self._load(get_target(target_id))
        self._enable()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        self.resize(640, self.sizeHint().height())
        self.mark_clean()

    def _load(self, target) -> None:
        self.year_from.setValue(target.year_from)
        self.year_to.setValue(target.year_to)
        self.wording.setPlainText(target.wording)
        self.short_name.setText(target.short_name)
        select_code(self.measure, target.measure)
        select_code(self.comparator, target.comparator)
        shown = ((self.threshold, threshold_of(target)), (self.threshold_high, target.threshold_high),
                 (self.result, target.result))
        for edit, value in shown:
            edit.setText("" if value is None else f"{value:g}".replace(".", ","))
        self.source.setText(target.source)
        self.position.setValue(target.position)

    def _enable(self) -> None:
        """A typed result only where the records cannot give it; a top only for a range."""
        manual = self.measure.currentData() in MANUAL
        self.result.setEnabled(manual)
        self.source.setEnabled(manual)
        self.threshold_high.setEnabled(self.comparator.currentData() == RANGE)

    def values(self) -> dict:
        return {"year_from": self.year_from.value(), "year_to": self.year_to.value(),
                "wording": self.wording.toPlainText(), "short_name": self.short_name.text(),
                "measure": self.measure.currentData(), "comparator": self.comparator.currentData(),
                "threshold": self.threshold.text(), "threshold_high": self.threshold_high.text(),
                "result": self.result.text(), "source": self.source.text(), "position": self.position.value()}

    def write(self) -> None:
        if self.target_id is None:
            self.target_id = create_target(self.values()).id
        else:
            update_target(self.target_id, self.values())
