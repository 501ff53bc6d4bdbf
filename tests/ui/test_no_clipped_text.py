"""Every page and every dialog at 1366×768, with the errors an empty form gets: no label,
field error, button or column header may show cut or elided text (reported: date errors cut
to two half lines, "heo chương trìr", "Chi bộ Phòng Kế hoạch -"). Set DANGVU_SCREENS to a
folder to keep a screenshot of each (the folder is not committed; look at them)."""

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTabWidget, QWidget

from models.admissions.tables import AdmissionCase
from models.demo.build import DemoSize, build_demo
from models.inspections.tables import InspectionCase
from models.meetings.tables import Meeting
from models.members.tables import Member
from models.orgs.tables import PartyOrg
from tests.ui.clipping import clipped_texts
from tests.ui.test_main_window import make_window

SCREEN = (1366, 728)  # 768 less a Windows taskbar


def _look(widget: QWidget, name: str, qtbot) -> list[str]:
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.wait(30)
    folder = os.environ.get("DANGVU_SCREENS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))
    return [f"{name}: {text}" for text in clipped_texts(widget)]


@pytest.fixture
def demo(demo_clock, db):
    build_demo(DemoSize(orgs=8, members=300, seed=3))
    return db


def test_no_page_shows_clipped_text(qtbot, demo):
    window = make_window(qtbot, demo)
    window.resize(*SCREEN)
    found = []
    for index, page_class in enumerate(window.page_classes):
        window.sidebar.setCurrentRow(index)
        page = window.page(page_class)
        qtbot.waitUntil(lambda page=page: not page.loading(), timeout=30_000)
        found += _look(window, f"trang-{index:02d}", qtbot)
        # Every tab of the page too, not only the one it opens on.
        for tabs in page.findChildren(QTabWidget):
            for tab in range(1, tabs.count()):
                tabs.setCurrentIndex(tab)
                qtbot.waitUntil(lambda page=page: not page.loading(), timeout=30_000)
                found += _look(window, f"trang-{index:02d}-the-{tab}", qtbot)
            tabs.setCurrentIndex(0)
    assert not found, "\n".join(found)


def _dialogs():
    from ui.admissions.dialogs import CaseDialog, EndCaseDialog, StepDialog, TargetDialog
    from ui.awards.dialogs import AwardDialog
    from ui.inspections.dialogs import DisciplineDialog, InspectionDialog
    from ui.meetings.dialogs import ResolutionDialog
    from ui.meetings.meeting_dialog import MeetingDialog
    from ui.members.dialogs import MemberDialog
    from ui.members.event_dialog import EventDialog
    from ui.members.import_dialog import ImportMembersDialog
    from ui.orgs.dialogs import DissolveOrgDialog, MoveOrgDialog, OrgDialog
    from ui.programme.movement_dialogs import EntryDialog, ItemDialog, MovementDialog
    from ui.programme.target_dialog import TargetDialog as MainTargetDialog
    from ui.programme.workplan_tab import WorkItemDialog
    from ui.ratings.residence_dialog import ResidenceDialog
    from ui.reports.templates_tab import TemplatesTab
    from ui.users.dialogs import ChangePasswordDialog, FirstStartDialog, SignInDialog, UserDialog
    from ui.users.office_form import OfficeDialog
    from ui.widgets.paper_dialog import PaperDialog

    member = Member.select().first()
    org = PartyOrg.select().where(PartyOrg.parent.is_null(False)).first()
    meeting = Meeting.select().first()
    case = AdmissionCase.select().where(AdmissionCase.state == "POOL").first()
    inspection = InspectionCase.select().first()
    return {
        "dang-vien-moi": lambda: MemberDialog(), "ho-so-dang-vien": lambda: MemberDialog(member.id),
        "bien-dong": lambda: EventDialog(member.id, member.full_name),
        "to-chuc-moi": lambda: OrgDialog(parent_id=org.parent_id),
        "to-chuc": lambda: OrgDialog(org_id=org.id),
        "chuyen-cap-tren": lambda: MoveOrgDialog(org.id), "giai-the": lambda: DissolveOrgDialog(org.id),
        "nhap-excel": lambda: ImportMembersDialog(),
        "hoi-nghi-moi": lambda: MeetingDialog(), "hoi-nghi": lambda: MeetingDialog(meeting.id),
        "nghi-quyet": lambda: ResolutionDialog(meeting.id),
        "kiem-tra-moi": lambda: InspectionDialog(), "kiem-tra": lambda: InspectionDialog(inspection.id),
        "ky-luat": lambda: DisciplineDialog(),
        "ket-nap-moi": lambda: CaseDialog(), "ket-nap": lambda: CaseDialog(case.id),
        "buoc-ket-nap": lambda: StepDialog(case.id), "xoa-ten-du-bi": lambda: EndCaseDialog(case.id, True),
        "chi-tieu": lambda: TargetDialog(), "khen-thuong": lambda: AwardDialog(),
        "chi-tieu-chu-yeu": lambda: MainTargetDialog(year=2025),
        "chuong-trinh": lambda: WorkItemDialog(year=2025),
        "phong-trao": lambda: MovementDialog(), "mo-hinh": lambda: ItemDialog(movement_id=1),
        "dang-ky-phong-trao": lambda: EntryDialog(movement_id=1),
        "noi-cu-tru": lambda: ResidenceDialog(member.id, member.full_name, 2025),
        "nguoi-dung": lambda: UserDialog(),
        "doi-mat-khau": lambda: ChangePasswordDialog(1, "quantri", own=True),
        "lan-dau": lambda: FirstStartDialog(), "dang-nhap": lambda: SignInDialog(),
        "thong-tin-co-quan": lambda: OfficeDialog(), "thong-tin-co-quan-canh-bao": office_off_form,
        "in-van-ban": lambda: PaperDialog("In quyết định kết nạp đảng viên", "qd", make_paper=lambda: None),
        "mau-van-ban": lambda: TemplatesTab(),
    }


def office_off_form():
    """The office details typed as reported, so that every warning shows."""
    from ui.users.office_form import OfficeDialog

    dialog = OfficeDialog()
    for key, text in (("superior_body", "TỈNH ỦY LẠNG SƠN"), ("bloc_name", "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"),
                      ("code", "đuk"), ("signer_title", "K/T Bí thư"), ("signer_name", "")):
        dialog.fields.edits[key].setText(text)
    return dialog


NEW_FORMS = {"dang-vien-moi", "to-chuc-moi", "hoi-nghi-moi", "kiem-tra-moi", "ky-luat", "ket-nap-moi",
             "chi-tieu", "khen-thuong", "nguoi-dung", "lan-dau", "bien-dong", "nghi-quyet",
             "chi-tieu-chu-yeu", "chuong-trinh", "phong-trao", "mo-hinh", "dang-ky-phong-trao"}


def test_no_dialog_shows_clipped_text_even_with_its_errors(qtbot, demo):
    found = []
    for name, make in _dialogs().items():
        dialog = make()
        qtbot.addWidget(dialog)
        found += _look(dialog, name, qtbot)
        if name in NEW_FORMS and hasattr(dialog, "save"):
            dialog.save()  # an empty form: its first error shows beside its field
            found += _look(dialog, name + "-loi", qtbot)
        elif name == "dang-nhap":
            dialog.sign_in()
            found += _look(dialog, name + "-loi", qtbot)
        dialog.hide()
    assert not found, "\n".join(found)
