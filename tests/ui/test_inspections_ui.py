from datetime import date

from models.core import vocab as v
from models.inspections.cases import add_subject, create_inspection, record_discipline
from models.inspections.figures import programme
from models.inspections.lists import discipline_rows, inspection_rows, subject_rows
from models.members.events import history, record_event
from models.members.record import get_member
from ui.inspections.dialogs import DisciplineDialog, InspectionDialog
from ui.inspections.page import InspectionsPage
from ui.inspections.tables import (
    DisciplineTableModel,
    InspectionTableModel,
    ProgrammeTableModel,
    SubjectTableModel,
)

DONE = {"status": "CONCLUDED", "start_date": date(2024, 3, 1), "end_date": date(2024, 4, 1)}


def test_table_models(qtmodeltester, bloc_tree, make_member):
    member = make_member()
    case = create_inspection({"performer": "BTV_DUK", "kind": "GS_CHUYEN_DE", "planned": True,
                              "plan_year": 2024, **DONE})
    add_subject(case.id, "TO_CHUC", org_id=bloc_tree["small"].id)
    add_subject(case.id, "CAP_UY_VIEN", member_id=member.id)
    record_discipline("DANG_VIEN", "KHIEN_TRACH", "UBKT", "1-QĐ/UBKT", date(2024, 5, 1), None,
                      member_id=member.id)
    for model, rows in ((InspectionTableModel(), inspection_rows(2024)),
                        (SubjectTableModel(), subject_rows(case.id)),
                        (DisciplineTableModel(), discipline_rows(2024)),
                        (ProgrammeTableModel(), programme(2024))):
        model.set_rows(rows)
        qtmodeltester.check(model)
        assert model.rowCount() >= 1
    cases = InspectionTableModel()
    cases.set_rows(inspection_rows(2024))
    # Reported: the list never said who was inspected.
    assert [cases.index(0, c).data() for c in (0, 2, 5)] == ["Ban Thường vụ Đảng ủy Khối", "Đã kết luận",
                                                             "Chi bộ Sở Tư pháp, Nguyễn Văn Đức"]


def test_inspection_dialog_saves_case_then_subjects(qtbot, bloc_tree, make_member):
    member = make_member(full_name="Lý Văn Kiểm")
    dialog = InspectionDialog()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("KT_TAI_CHINH_DANG"))
    dialog.performer.setCurrentIndex(dialog.performer.findData("BTV_DUK"))
    dialog.status.setCurrentIndex(dialog.status.findData("IN_PROGRESS"))
    dialog.start_date.setText("01/03/2024")
    assert dialog.save() is False
    assert "Ủy ban Kiểm tra" in dialog.errors.message_for("kind")
    dialog.performer.setCurrentIndex(dialog.performer.findData("UBKT_DUK"))
    dialog.subject_type.setCurrentIndex(dialog.subject_type.findData("DANG_VIEN"))
    dialog.subject_member.find("ly van kiem")
    assert dialog.subject_member.member_id() == member.id
    dialog.add_subject()  # saves the new case first
    assert dialog.case_id is not None and dialog.subjects.rowCount() == 1
    assert dialog.subjects.index(0, 1).data() == "Lý Văn Kiểm"


def test_discipline_dialog_refuses_a_wrong_form(qtbot, bloc_tree, make_member, monkeypatch):
    member = make_member(full_name="Đào Văn Dự", admitted=date(2024, 3, 1))
    dialog = DisciplineDialog()
    qtbot.addWidget(dialog)
    dialog.subject_type.setCurrentIndex(dialog.subject_type.findData("DANG_VIEN"))
    dialog.member.find("dao van du")
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("CACH_CHUC"))
    dialog.decision_no.setText("3-QĐ/UBKT")
    dialog.decision_date.setText("01/08/2024")
    assert dialog.save() is False
    assert "chỉ có khiển trách, cảnh cáo" in dialog.errors.message_for("form")
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("CANH_CAO"))
    assert dialog.save()
    assert discipline_rows(2024)[0].name == get_member(member.id).full_name


def test_expulsion_asks_first(qtbot, bloc_tree, make_member, monkeypatch):
    import ui.inspections.dialogs as dialogs

    member = make_member(full_name="Đào Văn Đủ", admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 5))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    dialog = DisciplineDialog()
    qtbot.addWidget(dialog)
    dialog.subject_type.setCurrentIndex(dialog.subject_type.findData("DANG_VIEN"))
    dialog.member.find("dao van du")
    dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("KHAI_TRU"))
    dialog.decision_no.setText("9-QĐ/ĐUK")
    dialog.decision_date.setText("01/08/2024")
    assert dialog.save() is False
    assert get_member(member.id).status == v.ACTIVE
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    assert dialog.save()
    assert get_member(member.id).status == v.EXPELLED


def test_page_builds_the_sentence_for_the_year(qtbot, bloc_tree):
    case = create_inspection({"performer": "BTV_DUK", "kind": "KT_CHAP_HANH", **DONE})
    add_subject(case.id, "TO_CHUC", org_id=bloc_tree["small"].id)
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.year.setValue(2024)
    assert page.cases.rowCount() == 1
    assert "Ban Thường vụ Đảng ủy Khối đã thực hiện kiểm tra 01 tổ chức." in page.sentence.toPlainText()
    page.pad.setChecked(False)
    page.compute()
    assert "kiểm tra 1 tổ chức." in page.sentence.toPlainText()


def test_a_decision_typed_wrong_is_corrected_then_taken_back_from_the_page(qtbot, bloc_tree, make_member,
                                                                           monkeypatch):
    """The discipline tab had no way to put a decision right: 'Sửa…' (Enter) and 'Bỏ quyết định
    ghi nhầm' (Delete) pressed on the chosen row, as a clerk does."""
    from tests.ui.window_driver import record, toolbar_action

    member = make_member(full_name="Đào Văn Đủ", admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 5))
    record_discipline("DANG_VIEN", "KHAI_TRU", "BTV Đảng ủy Khối", "9-QĐ/ĐUK", date(2024, 8, 1), None,
                      member_id=member.id)
    seen = record(monkeypatch)
    page = InspectionsPage()
    qtbot.addWidget(page)
    page.year.setValue(2024)
    page.tabs.setCurrentIndex(1)
    toolbar_action(page, "Sửa…").trigger()
    assert seen.titles() == ["Sửa quyết định kỷ luật"]  # nothing chosen yet: said so
    page.discipline_view.selectRow(0)

    def correct(dialog):
        assert dialog.deciding_body.text() == "BTV Đảng ủy Khối" and dialog.decision_no.text() == "9-QĐ/ĐUK"
        dialog.decision_no.setText("19-QĐ/ĐUK")
        dialog.effective_date.setText("05/08/2024")
        assert dialog.save()
        return 1

    seen.on_dialog = correct
    toolbar_action(page, "Sửa…").trigger()
    assert seen.shown[-1][1:] == ("DisciplineDialog", "Sửa quyết định kỷ luật")
    assert page.disciplines.row_at(0).decision_no == "19-QĐ/ĐUK"
    expelled = [row for row in history(member.id) if row.kind == v.EXPELLED_EVENT]
    assert [(row.date, row.decision_no) for row in expelled] == [(date(2024, 8, 5), "19-QĐ/ĐUK")]
    page.discipline_view.selectRow(0)
    toolbar_action(page, "Bỏ quyết định ghi nhầm").trigger()  # asked, and "no" keeps it
    assert "Đảng viên trở lại danh sách" in seen.shown[-1][2] and page.disciplines.rowCount() == 1
    seen.answer = "yes"
    toolbar_action(page, "Bỏ quyết định ghi nhầm").trigger()
    assert page.disciplines.rowCount() == 0 and get_member(member.id).status == v.ACTIVE
