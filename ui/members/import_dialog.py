"""Importing members from Excel: choose the file, confirm or change the columns found, look at
every problem and duplicate before anything is written, then write all rows at once with a
progress bar and a cancel that leaves the database as it was."""

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.core import vocab as v
from models.core.errors import ValidationError
from models.core.excel import column_letter
from models.core.text import opening
from models.members import (
    ADD,
    CARD_IN_REGISTRY,
    DUPLICATE_KINDS,
    LABELS,
    SAME_PERSON_IN_FILE,
    SAME_PERSON_IN_REGISTRY,
    SKIP,
    UPDATE,
    ImportCancelled,
    ImportPlan,
    create_missing_orgs,
    grassroots_named,
    import_members,
    place_in_cell,
    plan_import,
    rematch_orgs,
)
from models.orgs import org_rows
from ui import settings
from ui.tasks import Task, run_task
from ui.widgets import file_dialog
from ui.widgets.buttons import confirm, inform, vietnamese_buttons
from ui.widgets.form_errors import FormErrors
from ui.widgets.rows_model import RowsTableModel
from ui.widgets.screen import fit_to_screen
from ui.widgets.table_view import column_widths, list_view

NOT_USED = "(không dùng)"


PROBLEM_ROWS_FITTED = 500


class ProblemTableModel(RowsTableModel):
    headers = ["Dòng", "Cột", "Giá trị", "Lỗi"]

    def cells(self, row) -> list[str]:
        # A cell of its own reads as a sentence; the reasons also follow a colon in the command.
        return [str(row.row), row.column, row.value, opening(row.message)]


class ImportMembersDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Nhập danh sách đảng viên từ Excel")
        self.plan: ImportPlan | None = None
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        choose = QPushButton("Chọn tệp…")
        choose.clicked.connect(self.choose_file)
        error_line = QLabel()
        self.errors = FormErrors(error_line)
        top = QFormLayout()
        self.errors.add_row(top, "file", "Tệp bảng tính (.xlsx, .ods)", self.path)
        top.addRow("", choose)

        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(["Cột trong tệp", "Tiêu đề", "Là thông tin"])
        self.columns.horizontalHeader().setStretchLastSection(True)
        self.columns.setColumnWidth(1, 200)
        recheck = QPushButton("Kiểm tra lại theo các cột đã chọn")
        recheck.clicked.connect(self.recheck)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = ProblemTableModel(self)
        self.problem_view = problem_view = list_view(self.problems)
        column_widths(problem_view, (45, 110, 120))
        problem_view.setWordWrap(True)  # what is wrong, read whole (it was cut to "Ngày sinh 31/02/19…")
        problem_view.horizontalHeader().sectionResized.connect(lambda *_a: self._fit_problem_rows())
        self.cards = QComboBox()
        self.cards.addItem("Bỏ qua các dòng này", SKIP)
        self.cards.addItem("Cập nhật hồ sơ đã có theo tệp", UPDATE)
        self.same_person = QComboBox()
        self.same_person.addItem("Bỏ qua các dòng này", SKIP)
        self.same_person.addItem("Vẫn thêm hồ sơ mới (hai người trùng tên, ngày sinh)", ADD)
        self.card_label, self.person_label = QLabel(), QLabel()
        self._show_duplicates(None, None)
        self.create_orgs = QCheckBox("Tạo các chi bộ, đảng bộ cơ sở còn thiếu trong cây tổ chức")
        self.create_orgs.toggled.connect(lambda _c: self.recheck())
        choices = QFormLayout()
        choices.addRow(self.card_label, self.cards)
        choices.addRow(self.person_label, self.same_person)
        choices.addRow(self.create_orgs)
        self.choose_cells = QPushButton("Chọn chi bộ cho các dòng ghi tên đảng bộ cơ sở…")
        self.choose_cells.clicked.connect(self.place_rows_in_cells)
        self.choose_cells.hide()
        choices.addRow(self.choose_cells)

        buttons = vietnamese_buttons(QDialogButtonBox(QDialogButtonBox.StandardButton.Close))
        self.import_button = buttons.addButton("Nhập vào danh sách", QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.run_import)
        self.import_button.setEnabled(False)
        buttons.rejected.connect(self.reject)
        # Columns beside problems: stacked, a 768-pixel screen showed four of a sheet's columns.
        left, right = QWidget(), QWidget()
        left_box, right_box = QVBoxLayout(left), QVBoxLayout(right)
        left_box.setContentsMargins(0, 0, 0, 0)
        right_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(QLabel("Các cột nhận ra được (đổi nếu chương trình đoán sai):"))
        left_box.addWidget(self.columns, 1)
        left_box.addWidget(recheck)
        right_box.addWidget(self.summary)
        right_box.addWidget(problem_view, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(error_line)
        layout.addWidget(split, 1)
        layout.addLayout(choices)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 760)

    # --- reading --------------------------------------------------------------------------
    def choose_file(self) -> None:
        folder = settings.LAST_REPORT_FOLDER.get()
        path, _ = file_dialog.get_open_file_name(self, "Chọn tệp danh sách đảng viên", folder,
                                              file_dialog.WORKBOOKS_TO_READ)
        if path:
            settings.LAST_REPORT_FOLDER.set(str(Path(path).parent))
            self.load(Path(path))

    def load(self, path: Path, mapping: dict[int, str] | None = None) -> Task:
        """Read and check the workbook off the UI thread (a large one takes seconds)."""
        self.path.setText(str(path))
        self.errors.clear()
        self.import_button.setEnabled(False)
        return run_task(self, lambda _progress: plan_import(path, mapping),
                        lambda plan: self._planned(plan, mapping is None), on_error=self._unreadable,
                        label="Đang đọc và kiểm tra tệp Excel…")

    def _planned(self, plan: ImportPlan, new_file: bool) -> None:
        self.plan = plan
        if new_file:
            self.fill_columns()
        self.show_plan()

    def _unreadable(self, error: BaseException) -> None:
        if not isinstance(error, ValidationError):
            raise error
        self.plan = None
        self.errors.show(ValidationError("file", error.message))
        self.show_plan()

    def fill_columns(self) -> None:
        headers = self.plan.headers
        self.columns.setRowCount(len(headers))
        for index, header in enumerate(headers):
            self.columns.setItem(index, 0, QTableWidgetItem(column_letter(index + 1)))
            self.columns.setItem(index, 1, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(NOT_USED, None)
            for name, label in LABELS.items():
                combo.addItem(label, name)
            combo.setCurrentIndex(max(0, combo.findData(self.plan.mapping.get(index))))
            self.columns.setCellWidget(index, 2, combo)

    def chosen_mapping(self) -> dict[int, str]:
        """Column -> field as the clerk set it; plan_import says what is wrong with it."""
        chosen = {index: self.columns.cellWidget(index, 2).currentData()
                  for index in range(self.columns.rowCount())}
        return {index: name for index, name in chosen.items() if name is not None}

    def recheck(self) -> Task | None:
        if not self.path.text():
            return None
        return self.load(Path(self.path.text()), self.chosen_mapping())

    def show_plan(self) -> None:
        plan = self.plan
        self.import_button.setEnabled(plan is not None and bool(plan.clean_rows))
        if plan is None:
            self.summary.clear()
            self.problems.set_rows([])
            return
        problems = plan.problems
        self.problems.set_rows(problems)
        self._fit_problem_rows()
        bad_rows = len({p.row for p in problems})
        text = (f"Trang “{plan.sheet}”, tiêu đề ở dòng {plan.header_row}: {len(plan.rows)} dòng đảng viên; "
                f"{len(plan.clean_rows)} dòng nhập được, {bad_rows} dòng có lỗi "
                "(không nhập, xem bảng bên cạnh).")
        if plan.missing_orgs:
            names = ", ".join(missing.cell + (f" ({missing.where})" if missing.where else "")
                              for missing in sorted(plan.missing_orgs))
            text += f"\nChưa có trong cây tổ chức: {names}."
        if plan.skipped_rows:
            text += "\nBỏ qua " + "; ".join(f"dòng {row} ({why})" for row, why in plan.skipped_rows) + "."
        named = grassroots_named(plan)
        if named:
            text += (f"\n{sum(named.values())} dòng ghi tên đảng bộ cơ sở ở cột chi bộ: đảng viên sinh hoạt "
                     "ở một chi bộ trực thuộc — bấm “Chọn chi bộ…” để chọn.")
        self.choose_cells.setVisible(bool(named))
        self.summary.setText(text)
        cards = len(plan.duplicates(CARD_IN_REGISTRY))
        people = len(plan.duplicates(SAME_PERSON_IN_REGISTRY)) + len(plan.duplicates(SAME_PERSON_IN_FILE))
        self._show_duplicates(cards, people)
        self.create_orgs.setEnabled(bool(plan.missing_orgs) or self.create_orgs.isChecked())

    def _fit_problem_rows(self) -> None:
        # Row by row costs time in a file of thousands of faults; past that a row keeps one line
        # and its whole message in the tooltip.
        if self.problems.rowCount() <= PROBLEM_ROWS_FITTED:
            self.problem_view.resizeRowsToContents()

    def _show_duplicates(self, cards: int | None, people: int | None) -> None:
        """What each choice is for, with its count once a file is read (unlabelled, the two boxes
        said only "Bỏ qua các dòng này" one above the other)."""
        counted = lambda count: f": {count} dòng" if count is not None else ""  # noqa: E731
        self.card_label.setText(f"{DUPLICATE_KINDS[CARD_IN_REGISTRY]}{counted(cards)}")
        self.person_label.setText(f"Trùng họ tên và ngày sinh{counted(people)}")
        self.cards.setEnabled(bool(cards))
        self.same_person.setEnabled(bool(people))

    def place_rows_in_cells(self) -> None:
        """For each đảng bộ cơ sở the file names as a cell, the clerk picks the cell once."""
        plan = self.plan
        if plan is None:
            return
        rows = org_rows()
        names = {row.id: row.name for row in rows}
        for grassroots_id, count in grassroots_named(plan).items():
            cells = [row for row in rows if row.parent_id == grassroots_id and row.level in v.CELLS
                     and not row.dissolved]
            if not cells:
                inform(self, "Chưa có chi bộ", f"{names[grassroots_id]} chưa có chi bộ trực thuộc nào.")
                continue
            label = f"{count} dòng ghi “{names[grassroots_id]}”. Đảng viên sinh hoạt ở chi bộ:"
            choices = [cell.name for cell in cells]
            chosen, ok = QInputDialog.getItem(self, "Chọn chi bộ", label, choices, 0, False)
            if ok:
                cell = next(cell for cell in cells if cell.name == chosen)
                place_in_cell(plan, grassroots_id, cell.id)
        self.show_plan()

    # --- writing --------------------------------------------------------------------------
    def run_import(self) -> Task | None:
        plan = self.plan
        if plan is None:
            return None
        if self.create_orgs.isChecked() and plan.missing_orgs:
            try:
                made = create_missing_orgs(plan)
            except ValidationError as error:
                inform(self, "Không tạo được tổ chức", error.message, warning=True)
                return None
            inform(self, "Đã tạo tổ chức", f"Đã tạo {made} tổ chức đảng còn thiếu. Kiểm tra lại danh sách "
                   "rồi bấm “Nhập vào danh sách”.")
            self.create_orgs.setChecked(False)
            return run_task(self, lambda _progress: rematch_orgs(plan),
                            lambda again: self._planned(again, False),
                            label="Đang đối chiếu lại với cây tổ chức…")
        question = (f"Ghi {len(plan.clean_rows)} dòng vào danh sách đảng viên? Tất cả được ghi một lần; "
                    "nếu dừng giữa chừng, dữ liệu giữ nguyên như trước.")
        if not confirm(self, "Nhập danh sách", question, yes="Nhập"):
            return None
        cards, same_person = self.cards.currentData(), self.same_person.currentData()

        def work(progress) -> object:
            return import_members(plan, cards, same_person, progress.step, lambda: progress.cancelled)

        return run_task(self, work, self._imported, on_error=self._not_imported,
                        label="Đang ghi danh sách đảng viên…", cancellable=True)

    def _imported(self, result) -> None:
        inform(self, "Đã nhập", f"Đã thêm {result.created} đảng viên, cập nhật {result.updated}, bỏ qua "
                                f"{result.skipped}; {result.refused} dòng có lỗi không nhập.")
        self.accept()

    def _not_imported(self, error: BaseException) -> None:
        if isinstance(error, ImportCancelled):
            inform(self, "Đã dừng", "Đã dừng nhập. Không có dòng nào được ghi; dữ liệu giữ nguyên như trước.")
        elif isinstance(error, ValidationError):
            inform(self, "Không nhập được", error.message, warning=True)
        else:
            raise error
