"""The rating page: the year's grid per grassroots organisation, the organisation's own level,
the totals an organisation reports instead of names, and the year's results and warnings."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, draft_slot, may
from models.core import clock
from models.core import vocab as v
from models.core.errors import ValidationError, failure_reason
from models.ratings import (
    TOTAL_FIELDS,
    apply_rating_return,
    export_rating_workbooks,
    grid_rows,
    org_level,
    org_totals,
    rate_members,
    rate_org,
    rating_figures,
    read_rating_workbook,
    rules_for,
    set_totals,
    year_being_rated,
    year_warnings,
)
from models.residence import comments_of
from reports.figures import period_figures
from reports.paragraphs import rating_comparison, rating_paragraph
from ui import settings
from ui.page import Page
from ui.ratings.residence_tab import ResidenceTab
from ui.ratings.tables import GridKeys, RatingGridModel
from ui.tasks import Task, run_and_wait, run_task
from ui.widgets import file_dialog
from ui.widgets.buttons import confirm, inform
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.form_drafts import DraftKeeper, retire
from ui.widgets.org_picker import OrgPicker
from ui.widgets.table_view import column_widths, list_view


class RatingsPage(Page):
    title = "Đánh giá, xếp loại"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(1990, clock.today().year)
        self.year.setValue(year_being_rated(clock.today()))
        self.year.setPrefix("Năm ")
        self.org = OrgPicker(levels=v.GRASSROOTS)
        self.org.setPlaceholderText("Chọn tổ chức cơ sở đảng…")
        self.org_level = QComboBox()
        save_org = QPushButton("Lưu xếp loại tổ chức")
        save_org.clicked.connect(self.save_org_level)
        send = QPushButton("Xuất mẫu Excel…")
        send.setToolTip("Mỗi tổ chức cơ sở đảng một tệp, có sẵn danh sách đảng viên để điền xếp loại")
        send.clicked.connect(self.export_workbooks)
        take = QPushButton("Nhập mẫu đã điền…")
        take.clicked.connect(self.import_workbooks)
        take.setEnabled(may(WRITE_RECORDS))
        bar = FlowLayout()
        for widget in (self.year, QLabel("Tổ chức cơ sở đảng"), self.org, QLabel("Xếp loại tổ chức"),
                       self.org_level, save_org):
            bar.addWidget(widget)
        bar.addStretch(1)
        exchange = FlowLayout()
        exchange.addWidget(QLabel("Trao đổi với các tổ chức cơ sở đảng bằng Excel:"))
        exchange.addWidget(send)
        exchange.addWidget(take)
        exchange.addStretch(1)
        self.year.valueChanged.connect(lambda _v: self.load())
        self.org.currentIndexChanged.connect(lambda _i: self.load())

        self.grid = RatingGridModel(self)
        self.view = list_view(self.grid)
        self.view.verticalHeader().show()
        column_widths(self.view, (240, 100, 230, 60, 200))
        GridKeys(self.view, self.grid)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.save_button = QPushButton("Lưu xếp loại đảng viên")
        self.save_button.clicked.connect(self.save_grid)
        grid_tab = QWidget()
        grid_layout = QVBoxLayout(grid_tab)
        grid_layout.addWidget(self.hint)
        grid_layout.addWidget(self.view, 1)
        grid_layout.addWidget(self.save_button)

        totals_tab = QWidget()
        totals_form = QFormLayout(totals_tab)
        self.totals = {}
        for key, label in TOTAL_FIELDS.items():
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            self.totals[key] = spin
            totals_form.addRow(label, spin)
        save_totals = QPushButton("Lưu số liệu tổng hợp")
        save_totals.clicked.connect(self.save_totals)
        totals_form.addRow(QLabel("Dùng khi tổ chức chỉ báo cáo số lượng, không gửi danh sách."), save_totals)

        self._loaded = self._typed()
        self.keeper: DraftKeeper | None = None  # the grid's typing, kept against a power cut
        self.results = QPlainTextEdit()
        self.results.setReadOnly(True)
        tabs = QTabWidget()
        tabs.addTab(grid_tab, "Xếp loại từng đảng viên")
        tabs.addTab(totals_tab, "Số liệu tổng hợp của tổ chức")
        tabs.addTab(self.results, "Kết quả và kiểm tra của năm")
        self.residence = ResidenceTab()
        tabs.addTab(self.residence, "Nhận xét của nơi cư trú")
        tabs.currentChanged.connect(lambda index: self.show_results() if index == 2 else None)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(exchange)
        layout.addWidget(tabs)
        for button in (save_org, self.save_button, save_totals):
            button.setEnabled(may(WRITE_RECORDS))
        self.load()

    def _typed(self) -> tuple:
        """The organisation's level and reported totals as the form shows them."""
        return self.org_level.currentIndex(), tuple(spin.value() for spin in self.totals.values())

    def has_unsaved_changes(self) -> bool:
        """Reported: a grid row turned yellow, then Ctrl+Q, and the change was gone without a word."""
        return bool(self.grid.changed_entries()) or self._typed() != self._loaded

    def discard_changes(self) -> None:
        self.grid.discard()
        self._loaded = self._typed()
        self.load()

    def load(self) -> None:
        if self.has_unsaved_changes() and not confirm(
            self, "Chưa lưu", "Xếp loại vừa nhập chưa được lưu. Bỏ những thay đổi này?", yes="Bỏ thay đổi"):
            return
        year, org_id = self.year.value(), self.org.org_id()
        rules = rules_for(year)
        self.org_level.clear()
        self.org_level.addItem("(chưa xếp loại)", None)
        for code, label in rules.org_levels.items():
            self.org_level.addItem(label, code)
        if org_id:
            self.org_level.setCurrentIndex(max(0, self.org_level.findData(org_level(year, org_id))))
        reported = org_totals(year, org_id) if org_id else None
        for key, spin in self.totals.items():
            spin.setValue(reported[key] if reported else 0)
        rows = grid_rows(year, org_id) if org_id else []
        self.grid.load(year, rows, comments_of(year, [row.member_id for row in rows]))
        self._loaded = self._typed()
        self._keep_typing(year, org_id)
        self.residence.load(year, org_id)
        keys = ", ".join(f"{n} = {label.lower()}" for n, label in enumerate(rules.member_levels.values(), 1))
        self.hint.setText(f"{rules.name}. Gõ phím: {keys}; M = miễn sinh hoạt, D = đình chỉ, N = kết nạp "
                          "chưa đủ 6 tháng, K = lý do khác; O = nghỉ ốm từ 3 tháng trở lên (tối đa hoàn "
                          "thành nhiệm vụ); Delete = xóa.")

    def save_grid(self) -> None:
        try:
            rate_members(self.year.value(), self.grid.changed_entries())
        except ValidationError as error:
            inform(self, "Không lưu được", error.message, warning=True)
            return
        self.grid.mark_saved()
        self.grid.layoutChanged.emit()
        self._after_saving()

    def save_org_level(self) -> None:
        if self.org.org_id() is None:
            return
        try:
            rate_org(self.year.value(), self.org.org_id(), self.org_level.currentData())
        except ValidationError as error:
            inform(self, "Không lưu được", error.message, warning=True)
            return
        self._loaded = self._typed()
        self._after_saving()

    def save_totals(self) -> None:
        if self.org.org_id() is None:
            return
        try:
            set_totals(self.year.value(), self.org.org_id(),
                       {key: spin.value() for key, spin in self.totals.items()})
        except ValidationError as error:
            inform(self, "Không lưu được", error.message, warning=True)
            return
        self._loaded = self._typed()
        self._after_saving()

    # --- typing kept against a power cut (form_drafts.py) ---------------------------------
    def _keep_typing(self, year: int, org_id: int | None) -> None:
        """A year's grid is typed over an afternoon, a hundred rows at a time; a power cut
        before "Lưu" took it all. Kept per organisation and year."""
        retire(self.keeper)
        self.keeper = None
        if org_id is None:
            return
        name = self.org.shown_text()
        self.keeper = DraftKeeper(
            self, draft_slot(f"{__name__}.RatingsPage:{year}:{org_id}", {}), self._draft_values,
            self._put_draft, self.has_unsaved_changes, lambda: f"Xếp loại năm {year} — {name}")

    def _draft_values(self) -> dict:
        return {"grid": [list(entry) for entry in self.grid.changed_entries()],
                "org_level": self.org_level.currentData(),
                "totals": {key: spin.value() for key, spin in self.totals.items()}}

    def _put_draft(self, values: dict) -> None:
        self.grid.put_entries(values.get("grid"))
        level = values.get("org_level")
        if isinstance(level, str) and self.org_level.findData(level) >= 0:
            self.org_level.setCurrentIndex(self.org_level.findData(level))
        totals = values.get("totals")
        for key, spin in self.totals.items():
            if isinstance(totals, dict) and isinstance(totals.get(key), int):
                spin.setValue(totals[key])

    def _after_saving(self) -> None:
        if self.keeper is not None and not self.has_unsaved_changes():
            self.keeper.saved()

    def show_results(self) -> Task:
        """The year's figures read every rating of the registry: off the UI thread."""
        year = self.year.value()
        return self.load_later("results", lambda: _results_text(year), self.results.setPlainText)

    def export_workbooks(self) -> Task | None:
        folder = file_dialog.get_existing_directory(self, "Thư mục ghi các mẫu xếp loại",
                                                  settings.LAST_REPORT_FOLDER.get())
        if not folder:
            return None
        settings.LAST_REPORT_FOLDER.set(folder)
        year = self.year.value()

        def exported(paths: list) -> None:
            inform(self, "Đã xuất mẫu", f"Đã ghi {len(paths)} mẫu xếp loại năm {year} vào {folder}. "
                   "Gửi mỗi tổ chức tệp của mình; nhận lại rồi bấm “Nhập mẫu đã điền…”.")

        def failed(error: BaseException) -> None:
            if not isinstance(error, OSError):
                raise error
            inform(self, "Không ghi được", f"Không ghi được vào {folder}: {failure_reason(error)}.",
                   warning=True)

        return run_task(self, lambda _progress: export_rating_workbooks(year, Path(folder)), exported,
                        on_error=failed, label="Đang ghi các mẫu xếp loại…")

    def import_workbooks(self) -> None:
        """Every file read first; only the files without a problem are written, each whole."""
        if self.grid.changed_entries():
            inform(self, "Chưa lưu", "Xếp loại vừa nhập trên lưới chưa được lưu. Hãy lưu trước khi nhập mẫu.")
            return
        folder = settings.LAST_REPORT_FOLDER.get()
        names, _ = file_dialog.get_open_file_names(self, "Chọn các mẫu xếp loại đã điền", folder,
                                                file_dialog.WORKBOOKS_TO_READ)
        if not names:
            return
        year = self.year.value()
        ready, report = run_and_wait(self, lambda _progress: _read_returns(names, year),
                                     "Đang đọc các mẫu xếp loại…")
        question = "\n".join(report) + (f"\n\nGhi {len(ready)} tệp không có lỗi?" if ready else "")
        if not ready:
            inform(self, "Chưa nhập được tệp nào", question, warning=True)
            return
        if not confirm(self, "Nhập mẫu xếp loại", question, yes="Ghi"):
            return
        refused = run_and_wait(self, lambda _progress: _apply_returns(ready), "Đang ghi kết quả xếp loại…")
        if refused:
            inform(self, "Không ghi được", "\n".join(refused), warning=True)
        self.load()

    def on_shown(self) -> None:
        # Reported: the page opened with no organisation and an empty grid, without a word.
        self.org.refresh()
        self.org.choose_first()

    def save_layout(self) -> None:
        """Column widths are set on start; nothing else to remember."""


def _read_returns(names: list[str], year: int) -> tuple[list, list[str]]:
    """Each workbook read and checked: those without a problem, and a line per file."""
    ready, report = [], []
    for name in names:
        try:
            returned = read_rating_workbook(Path(name), year)
        except ValidationError as error:
            report.append(f"✗ {error.message}")
            continue
        if returned.problems:
            problems = "; ".join(returned.problems[:5])
            report.append(f"✗ {Path(name).name} — {returned.org_name}: {problems}")
        else:
            ready.append(returned)
            report.append(f"✓ {Path(name).name} — {returned.org_name}: {len(returned.entries)} đảng viên")
    return ready, report


def _apply_returns(ready: list) -> list[str]:
    """Each file written whole or not at all; the refusals, one line per file."""
    refused = []
    for returned in ready:
        try:
            apply_rating_return(returned)
        except ValidationError as error:
            refused.append(f"{returned.path.name}: {error.message}")
    return refused


def _results_text(year: int) -> str:
    paragraph = rating_paragraph(period_figures(date(year, 1, 1), date(year, 12, 31)))
    warnings = year_warnings(year)
    text = paragraph or f"Chưa có kết quả đánh giá, xếp loại năm {year}."
    previous = rating_figures(year - 1)
    if paragraph and previous.any:
        lines = rating_comparison(rating_figures(year), previous)
        text += f"\n\nSo với năm {year - 1}:\n" + "\n".join(lines)
    if warnings:
        text += "\n\nCần xem lại:\n" + "\n".join(f"• {w}" for w in warnings)
    return text
