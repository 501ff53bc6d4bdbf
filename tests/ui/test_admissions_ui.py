from datetime import date

from PySide6.QtWidgets import QLabel

from models.admissions.cases import PROBATION, case_rows, create_case, get_case
from models.admissions.steps import record_step
from models.admissions.targets import set_target
from models.admissions.watch import attention
from models.core import vocab as v
from models.members.events import record_event
from models.orgs.tree import full_names
from tests.conftest import settle, type_text
from ui.admissions.dialogs import CaseDialog, StepDialog, TargetDialog
from ui.admissions.page import AdmissionsPage
from ui.admissions.tables import CaseTableModel, ReminderTableModel, TargetTableModel


def listed(bloc_tree, **overrides):
    fields = {"full_name": "Hoàng Thị Mai", "sex": "F", "birth_date": date(1998, 4, 10),
              "org_id": bloc_tree["small"].id, "listed_on": date(2024, 1, 9)}
    fields.update(overrides)
    return create_case(fields)


def through_the_cell(case) -> None:
    """The case's steps up to the cell's resolution (a chi bộ cơ sở: the decision comes next)."""
    for step, values in (("course", {"certificate_no": "1", "certificate_date": date(2024, 3, 1)}),
                         ("verified", {"history_verified_on": date(2024, 6, 1)}),
                         ("cell", {"cell_resolution_no": "2", "cell_resolution_date": date(2024, 9, 5),
                                   "votes_for": 9, "votes_total": 10})):
        record_step(case.id, step, values)


def test_table_models_pass_modeltester(qtmodeltester, bloc_tree, make_member):
    listed(bloc_tree)
    make_member(admitted=date(2025, 11, 1))
    cases = CaseTableModel(full_names())
    cases.set_rows(case_rows())
    qtmodeltester.check(cases)
    assert [cases.index(0, c).data() for c in (0, 1, 3)] == [
        "Hoàng Thị Mai", "Chi bộ Sở Tư pháp", "Lớp bồi dưỡng nhận thức về Đảng"]
    reminders = ReminderTableModel()
    reminders.set_rows(attention(date(2026, 10, 20)))
    qtmodeltester.check(reminders)
    assert reminders.rowCount() >= 1
    set_target(None, 2025, 2025, 4)
    targets = TargetTableModel()
    targets.set_rows([(1, "Toàn Đảng bộ Khối", 2025, 2025, 4, 1), (2, "Toàn Đảng bộ Khối", 2020, 2025, 5, 6)])
    qtmodeltester.check(targets)
    assert targets.index(0, 4).data() == "đạt 25% chỉ tiêu"
    assert targets.index(1, 1).data() == "Nhiệm kỳ 2020–2025"
    assert targets.index(1, 4).data() == "vượt 20% mục tiêu Đại hội"


def test_case_dialog_lists_introducers_from_the_cell(qtbot, bloc_tree, make_member):
    full = make_member(full_name="Trần Văn Đủ", org=bloc_tree["small"], admitted=date(2000, 1, 1))
    record_event(full.id, v.RECOGNISED, date(2001, 1, 5))
    make_member(full_name="Lê Văn Khác", org=bloc_tree["cell_a"])
    dialog = CaseDialog(org_id=bloc_tree["small"].id)
    qtbot.addWidget(dialog)
    combo = dialog.inputs["introducer1"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["(chưa chọn)", "Trần Văn Đủ — Chính thức"]
    dialog.inputs["full_name"].setFocus()
    type_text(dialog.inputs["full_name"], "Đặng Thị Ngọc")
    dialog.inputs["sex"].setCurrentIndex(dialog.inputs["sex"].findData("F"))
    dialog.inputs["birth_date"].setText("03/04/1999")
    combo.setCurrentIndex(1)
    dialog.inputs["introducer1_since"].setText("01/01/2020")
    assert dialog.save()
    case = get_case(dialog.case_id)
    assert (case.full_name, case.introducer1_id, case.org_id) == ("Đặng Thị Ngọc", full.id,
                                                                   bloc_tree["small"].id)


def test_step_dialog_shows_the_rule_that_failed(qtbot, bloc_tree):
    case = listed(bloc_tree, birth_date=date(2005, 9, 6))
    record_step(case.id, "course", {"certificate_no": "1", "certificate_date": date(2024, 3, 1)})
    record_step(case.id, "verified", {"history_verified_on": date(2024, 6, 1)})
    dialog = StepDialog(case.id)
    qtbot.addWidget(dialog)
    assert dialog.step == "cell"
    dialog.inputs["cell_resolution_no"].setText("05-NQ/CB")
    dialog.inputs["cell_resolution_date"].setText("05/09/2023")
    dialog.inputs["votes_for"].setValue(9)
    dialog.inputs["votes_total"].setValue(10)
    assert dialog.save() is False
    assert "ở trước bước" in dialog.errors.message_for("cell_resolution_date")
    dialog.inputs["cell_resolution_date"].setText("05/09/2024")
    assert dialog.save() is True
    assert get_case(case.id).cell_resolution_no == "05-NQ/CB"


def test_ceremony_from_the_dialog_enters_the_registry(qtbot, bloc_tree):
    case = listed(bloc_tree)
    through_the_cell(case)
    record_step(case.id, "decision", {"decision_no": "3", "decision_date": date(2024, 10, 1)})
    dialog = StepDialog(case.id)
    qtbot.addWidget(dialog)
    dialog.inputs["ceremony_date"].setText("15/10/2024")
    assert dialog.save()
    case = get_case(case.id)
    assert case.state == PROBATION and case.member.full_name == "Hoàng Thị Mai"
    # Its day typed wrong: corrected from the same dialog, which says what else follows.
    correcting = StepDialog(case.id, correcting=True)
    qtbot.addWidget(correcting)
    assert correcting.inputs["ceremony_date"].text() == "15/10/2024"
    words = " ".join(label.text() for label in correcting.findChildren(QLabel))
    assert "ngày vào Đảng trong hồ sơ đảng viên cũng được sửa" in words
    assert "được ghi vào danh sách" not in words
    correcting.inputs["ceremony_date"].setText("14/10/2024")
    assert correcting.save()
    assert get_case(case.id).member.ceremony_date == date(2024, 10, 14)


def test_page_lists_cases_reminders_and_targets(qtbot, bloc_tree):
    listed(bloc_tree)
    set_target(None, date.today().year, date.today().year, 3)
    page = AdmissionsPage()
    qtbot.addWidget(page)
    settle(qtbot, page)
    assert page.cases.rowCount() == 1
    page.case_view.selectRow(0)
    assert "Lớp bồi dưỡng nhận thức về Đảng: chưa" in page.detail.text()
    assert page.targets.rowCount() == 1
    assert page.targets.index(0, 4).data() == "đạt 0% chỉ tiêu"


def test_target_dialog_refuses_a_zero_target(qtbot, db):
    dialog = TargetDialog()
    qtbot.addWidget(dialog)
    assert dialog.save() is False
    assert "phải từ 1 đến" in dialog.errors.message_for("value")
    dialog.value.setValue(12)
    assert dialog.save()


def test_the_decision_step_after_the_decision_was_issued_takes_its_number_and_day(qtbot, bloc_tree, tmp_path):
    """Found: a decision printed and numbered from the case before its step was entered; the step
    then took any other number and day."""
    from models.accounts.office import OfficeDetails, save_office_details
    from models.documents import admission_paper
    from reports.papers import print_paper

    save_office_details(OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Quảng Ninh", "ĐUK",
                                      "Hạ Long", "Nguyễn Đức Thành", "Bí thư"))
    case = listed(bloc_tree, home_town="Xã Yên Đức")
    through_the_cell(case)
    print_paper(tmp_path / "qd.pdf", admission_paper([case.id]), date(2024, 10, 1), issue=True)
    dialog = StepDialog(case.id)
    qtbot.addWidget(dialog)
    assert dialog.step == "decision"
    assert (dialog.inputs["decision_no"].text(), dialog.inputs["decision_date"].text()) == (
        "01-QĐ/ĐUK", "01/10/2024")
    dialog.inputs["decision_no"].setText("02-QĐ/ĐUK")
    assert dialog.save() is False
    assert "đã ban hành số 01-QĐ/ĐUK ngày 01/10/2024" in dialog.errors.message_for("decision_no")
    dialog.inputs["decision_no"].setText("01-QĐ/ĐUK")
    assert dialog.save() is True
    decided = get_case(case.id)
    assert (decided.decision_no, decided.decision_date) == ("01-QĐ/ĐUK", date(2024, 10, 1))


def test_the_latest_step_is_corrected_from_the_page(qtbot, bloc_tree, monkeypatch):
    """A decision's day typed wrong is put right from the cases' toolbar: the form shows what was
    recorded; the case then carries the corrected day (which its printed decision takes)."""
    case = listed(bloc_tree)
    through_the_cell(case)
    record_step(case.id, "decision", {"decision_no": "3-QĐ/ĐUK", "decision_date": date(2024, 10, 11)})
    seen = []

    def answer(dialog):
        seen.append((dialog.windowTitle(), dialog.inputs["decision_no"].text(),
                     dialog.inputs["decision_date"].text()))
        dialog.inputs["decision_date"].setText("01/10/2024")
        return dialog.save()

    monkeypatch.setattr(StepDialog, "accepted_after_exec", answer)
    page = AdmissionsPage()
    qtbot.addWidget(page)
    settle(qtbot, page)
    page.case_view.selectRow(0)
    page.actions_by_name["correct"].trigger()
    assert seen == [("Sửa bước “Quyết định kết nạp” — Hoàng Thị Mai", "3-QĐ/ĐUK", "11/10/2024")]
    assert get_case(case.id).decision_date == date(2024, 10, 1)
    assert "01/10/2024" in page.detail.text()


def test_a_case_ended_by_mistake_is_reopened_from_the_page(qtbot, bloc_tree, monkeypatch):
    """'Sửa bước vừa ghi' on a case taken off the list by mistake said there was nothing to
    correct: its last step is the ending, taken back after a question."""
    import ui.admissions.page as page_module
    from models.admissions.steps import withdraw

    case = listed(bloc_tree)
    withdraw(case.id, date(2024, 5, 2), "Chuyển công tác")
    questions = []
    monkeypatch.setattr(page_module, "confirm", lambda _p, _t, text, **_k: questions.append(text) or False)
    page = AdmissionsPage()
    qtbot.addWidget(page)
    page.state.setCurrentIndex(page.state.findData("WITHDRAWN"))
    settle(qtbot, page)
    page.case_view.selectRow(0)
    page.actions_by_name["correct"].trigger()
    assert "đã thôi xét ngày 02/05/2024 (Chuyển công tác)" in questions[0]
    assert get_case(case.id).state == "WITHDRAWN"  # "no" keeps it
    monkeypatch.setattr(page_module, "confirm", lambda *_a, **_k: True)
    page.actions_by_name["correct"].trigger()
    assert get_case(case.id).state == "POOL"
