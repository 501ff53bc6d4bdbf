"""Printing documents from the records' pages, and the office's templates of their wording."""

from datetime import date

import pytest

from models.accounts.tables import AuditEntry
from models.admissions.tables import AdmissionCase
from models.demo.build import DemoSize, build_demo
from models.documents.tables import OutgoingDocument
from tests.conftest import finish
from ui.admissions.page import AdmissionsPage
from ui.members.page import MembersPage
from ui.reports.templates_tab import TemplatesTab
from ui.widgets import paper_dialog


@pytest.fixture
def demo(demo_clock, db, monkeypatch):
    build_demo(DemoSize(orgs=8, members=300, seed=3))
    shown = []
    monkeypatch.setattr(paper_dialog.PdfPreviewDialog, "exec", lambda dialog: shown.append(dialog.path) or 0)
    return shown


def test_a_decision_for_two_chosen_cases_is_issued_from_the_admissions_page(qtbot, demo, tmp_path):
    page = AdmissionsPage()
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    page.state.setCurrentIndex(page.state.findData(()))  # every case
    from models.admissions.cases import get_case, write_case

    wanted = [c.id for c in AdmissionCase.select().where(AdmissionCase.decision_body.contains("Thường vụ"))
              .order_by(AdmissionCase.id).limit(2)]
    for case_id in wanted:  # one decision, one number and one day: the cases carry the same
        write_case(get_case(case_id), {"decision_no": "45-QĐ/ĐUK", "decision_date": date(2026, 3, 5)})
    view = page.case_view
    for case_id in wanted:
        row = next(r for r in range(page.cases.rowCount()) if page.cases.case_id(r) == case_id)
        view.selectionModel().select(page.cases.index(row, 0), view.selectionModel().SelectionFlag.Select
                                     | view.selectionModel().SelectionFlag.Rows)
    assert sorted(page.selected_case_ids()) == wanted
    dialog = page.actions_by_name["ket-nap"].trigger() or page.findChild(paper_dialog.PaperDialog)
    qtbot.addWidget(dialog)
    assert "(2 người)" in dialog.windowTitle()
    dialog.issue.setChecked(True)
    # The day the records give the decision is the paper's: shown, and not to be chosen here.
    assert dialog.on.text() == "05/03/2026" and dialog.on.isReadOnly() and dialog.recorded_note.isVisible()
    out = tmp_path / "qd.pdf"
    finish(qtbot, dialog.print_to_file(out))
    assert out.exists() and demo == [out]
    document = OutgoingDocument.get()
    assert (document.number, document.source) == (45, f"ket-nap:{wanted[0]},{wanted[1]}")
    assert "Đã ghi" in dialog.issued.text()
    first_row = next(r for r in range(page.cases.rowCount()) if page.cases.case_id(r) == wanted[0])
    page.case_view.selectRow(first_row)
    assert "Văn bản đã ban hành" in page.detail.text() and "Số 45-QĐ ngày 05/03/2026" in page.detail.text()


def test_a_missing_fact_is_said_in_the_dialog_and_nothing_is_numbered(qtbot, demo, tmp_path):
    from models.documents.templates import DEFAULTS, save_template
    from ui.admissions.printing import print_case_decision

    wording = DEFAULTS["ket-nap"]
    save_template("ket-nap", wording.grounds + "\n- Nhiệm kỳ {nhiệm kỳ};", wording.articles,
                  wording.recipients)
    case = AdmissionCase.select().where(AdmissionCase.decision_body.contains("Thường vụ")).first()
    dialog = print_case_decision(None, "ket-nap", [case.id])
    qtbot.addWidget(dialog)
    dialog.issue.setChecked(True)
    out = tmp_path / "qd.docx"
    dialog.format.setCurrentIndex(dialog.format.findData(".docx"))
    finish(qtbot, dialog.print_to_file(out))
    assert dialog.error.isVisible() and "“nhiệm kỳ”" in dialog.error.text()
    assert not out.exists() and OutgoingDocument.select().count() == 0


def test_a_short_record_of_the_members_chosen_in_the_registry(qtbot, demo, tmp_path):
    page = MembersPage()
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    qtbot.waitUntil(lambda: page.model.rowCount() > 3, timeout=10_000)
    page.view.selectRow(0)
    page.view.selectionModel().select(page.model.index(2, 0), page.view.selectionModel().SelectionFlag.Select
                                      | page.view.selectionModel().SelectionFlag.Rows)
    assert len(page.selected_member_ids()) == 2
    page.short_action.trigger()
    dialog = page.findChild(paper_dialog.PaperDialog)
    qtbot.addWidget(dialog)
    assert not dialog.issue.isEnabled()  # a list takes no number
    out = tmp_path / "tn.pdf"
    finish(qtbot, dialog.print_to_file(out))
    assert out.exists() and OutgoingDocument.select().count() == 0


def test_templates_tab_saves_a_new_version_and_refuses_an_unknown_placeholder(qtbot, demo):
    tab = TemplatesTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.kind.setCurrentIndex(tab.kind.findData("ky-luat"))
    tab._switch()
    assert tab.version.text() == "Đang dùng mẫu mặc định."
    grounds = tab.parts["grounds"]
    grounds.setPlainText(grounds.toPlainText() + "\n- Căn cứ {ngày sinh nhật};")
    assert tab.has_unsaved_changes() and tab.save() is False
    assert "{ngày sinh nhật}" in tab.errors.message_for("grounds")
    typed = grounds.toPlainText().replace("\n- Căn cứ {ngày sinh nhật};", "\n- Căn cứ Quy chế mới;")
    grounds.setPlainText(typed)
    assert tab.save() is True
    assert tab.version.text().startswith("Đang dùng bản sửa lần 1")
    assert AuditEntry.select().where(AuditEntry.table_name == "document_template").count() == 1
    tab.load_default()
    assert "Quy chế mới" not in grounds.toPlainText() and tab.has_unsaved_changes()


def test_a_short_record_of_the_whole_registry_is_pointed_to_the_excel_export(qtbot, db, monkeypatch):
    from ui.members import printing

    told = []
    monkeypatch.setattr(printing, "inform", lambda *a, **k: told.append(a[2]))
    assert printing.print_short_record(None, list(range(1, 1_502))) is None
    assert told == ["Đã chọn 1.501 người; trích ngang in tối đa 1.000 người. Để có cả danh sách, dùng "
                    "“Xuất danh sách Excel”."]


def test_a_paper_about_one_person_is_named_for_that_person(qtbot, demo, monkeypatch):
    """On a real display: "In phiếu đảng viên" did not say whose sheet it was, and the file was
    offered as "phieu-dang-vien-1234.pdf" — in the clerk's folder a month later, a number that
    says nothing. The title names the person, the file too (without accents)."""
    from models.members.tables import Member

    offered = []
    monkeypatch.setattr(paper_dialog, "ask_save_path",
                        lambda _parent, _title, name, _filter: offered.append(name))
    member = Member.select().where(Member.full_name.contains("Đ") | Member.full_name.contains("ư")).first()
    page = MembersPage()
    qtbot.addWidget(page)
    page.show()
    page.model.refresh()
    qtbot.waitUntil(lambda: page.model.row_of(member.id) >= 0, timeout=10_000)
    page._select(member.id)
    page.sheet_action.trigger()
    dialog = page.findChild(paper_dialog.PaperDialog)
    qtbot.addWidget(dialog)
    assert member.full_name in dialog.windowTitle()
    dialog.print_to_file()
    from models.core.text import file_safe

    assert offered == [f"phieu-dang-vien-{file_safe(member.full_name)}.pdf"]
    assert offered[0].isascii() and " " not in offered[0]


def test_the_letter_of_a_transfer_is_named_for_the_member_it_introduces(qtbot, demo, monkeypatch):
    from PySide6.QtWidgets import QPushButton

    from models.core import vocab as v
    from models.core.text import file_safe
    from models.members.tables import MemberEvent
    from ui.members.dialogs import MemberDialog

    offered = []
    monkeypatch.setattr(paper_dialog, "ask_save_path",
                        lambda _parent, _title, name, _filter: offered.append(name))
    event = MemberEvent.select().where(MemberEvent.kind == v.TRANSFER_OUT).first()
    dialog = MemberDialog(event.member_id)
    qtbot.addWidget(dialog)
    model = dialog.history_view.model()
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == event.id)
    dialog.history_view.selectRow(row)
    next(b for b in dialog.findChildren(QPushButton) if b.text() == "In giấy giới thiệu…").click()
    papers = dialog.findChildren(paper_dialog.PaperDialog)
    assert len(papers) == 1
    qtbot.addWidget(papers[0])
    name = event.member.full_name
    assert papers[0].windowTitle() == f"In giấy giới thiệu sinh hoạt đảng — {name}"
    papers[0].print_to_file()
    assert offered == [f"giay-gioi-thieu-{file_safe(name)}-du-thao.pdf"]


def test_a_decision_for_one_case_is_named_for_the_person(qtbot, demo, monkeypatch):
    from models.core.text import file_safe

    offered = []
    monkeypatch.setattr(paper_dialog, "ask_save_path",
                        lambda _parent, _title, name, _filter: offered.append(name))
    page = AdmissionsPage()
    qtbot.addWidget(page)
    page.show()
    page.on_shown()
    page.state.setCurrentIndex(page.state.findData(()))
    case = AdmissionCase.select().where(AdmissionCase.decision_body.contains("Thường vụ")).first()
    row = next(r for r in range(page.cases.rowCount()) if page.cases.case_id(r) == case.id)
    page.case_view.selectRow(row)
    page.actions_by_name["ket-nap"].trigger()
    dialog = page.findChild(paper_dialog.PaperDialog)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == f"In quyết định kết nạp đảng viên — {case.full_name}"
    dialog.print_to_file()
    assert offered == [f"quyet-dinh-ket-nap-{file_safe(case.full_name)}-du-thao.pdf"]
