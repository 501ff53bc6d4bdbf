"""Every menu item and toolbar button of the main window, pressed as a clerk presses it — the
action itself triggered in a real window on the demo, never the function behind it (the manual
backup failed for months while its function's test passed) — and what the clerk sees after it
checked: the file written, the page shown, the dialog or message that opened. The last test
lists the window's actions and fails on one no test here pressed."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from models.storage import inspect_file
from tests.ui.window_driver import PRESSED, choose_first_row, open_papers, press, settled, window_actions
from ui import settings


def test_file_menu_backup_writes_a_checked_copy(office, tmp_path):
    window, seen = office
    seen.file = tmp_path / "sao-luu-tay.db"
    press(window, "Tệp", "Sao lưu dữ liệu…")
    assert seen.shown[0][:2] == ("file", "Sao lưu dữ liệu")
    assert ("box", "Đã sao lưu", f"Đã sao lưu dữ liệu vào:\n{tmp_path / 'sao-luu-tay.db'}") in seen.shown
    assert inspect_file(tmp_path / "sao-luu-tay.db", thorough=True).ok


def test_the_first_backup_by_hand_is_offered_in_the_backup_folder(office):
    """Before the first automatic backup had made "sao-luu" beside the data file, the chooser was
    pointed at a folder that did not exist and opened on the data file's own folder instead."""
    window, seen = office
    folder = window.db_path.parent / "sao-luu"
    assert not folder.exists()
    press(window, "Tệp", "Sao lưu dữ liệu…")  # Hủy: nothing written
    assert Path(seen.suggested[0]).parent == folder and folder.is_dir()


def test_file_menu_restore_replaces_the_data_and_signs_out(office, tmp_path):
    from models.members.tables import Member
    from models.storage import backup_to

    window, seen = office
    backup_to(tmp_path / "ban-truoc.db")
    gone = Member.select().first()
    gone.delete_instance(recursive=True)  # behind the program's back: the backup still has them
    seen.file, seen.answer = tmp_path / "ban-truoc.db", "yes"
    press(window, "Tệp", "Khôi phục từ bản sao lưu…")
    assert "Khôi phục dữ liệu" in seen.titles() and "Đã khôi phục" in seen.titles(), seen.texts()
    assert Member.get_or_none(Member.id == gone.id) is not None
    assert window.signed_out and not window.isVisible()


def test_file_menu_backup_folder_office_details_and_server(office, tmp_path):
    window, seen = office
    seen.file = tmp_path / "usb"
    press(window, "Tệp", "Thư mục sao lưu tự động…")
    assert settings.BACKUP_FOLDER.get() == str(tmp_path / "usb")
    assert "Thư mục sao lưu" in seen.titles()
    press(window, "Tệp", "Thông tin cơ quan trên văn bản…")
    assert ("dialog", "OfficeDialog") == seen.shown[-1][:2]
    press(window, "Tệp", "Kết nối máy chủ dữ liệu…")
    assert ("dialog", "ServerDialog") == seen.shown[-1][:2]


def test_file_menu_quit_closes_the_window(office):
    """…and ends the sitting the sign-in opened: while the window was open, commands with the same
    account on this data needed no password (models/accounts/sittings.py)."""
    from models.accounts.sittings import resume_sitting
    from models.core.files import opened_copies

    window, _seen = office
    assert resume_sitting("quantri").username == "quantri"
    opened = opened_copies("bao-cao-gui-ve", "7", "bao-cao-quy-III.pdf")  # written out to be read
    opened.parent.mkdir(parents=True, exist_ok=True)
    opened.write_bytes(b"%PDF-1.4")
    press(window, "Tệp", "Thoát")
    assert not window.isVisible() and not window.signed_out
    assert resume_sitting("quantri") is None
    assert not opened.exists()  # the copies name members: none is left behind


def test_view_menu_opens_each_page_and_find_selects_the_search(office):
    window, _seen = office
    for index, page_class in enumerate(window.page_classes):
        press(window, "Xem", page_class.title)
        assert window.stack.currentIndex() == index and window.stack.currentWidget().title == page_class.title
    press(window, "Xem", "Đảng viên")
    members = window.stack.currentWidget()
    members.search.setText("nguyen")
    members.search.setCursorPosition(0)
    press(window, "Xem", "Tìm trên trang này")
    assert members.search.hasFocus() and members.search.selectedText() == "nguyen"


def test_account_and_help_menus(office):
    window, seen = office
    press(window, "Tài khoản", "Đổi mật khẩu…")
    assert seen.shown[-1][:2] == ("dialog", "ChangePasswordDialog")
    press(window, "Trợ giúp", "Hướng dẫn sử dụng")
    from ui.help import GuideDialog

    guides = [w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog) and w.isVisible()]
    assert guides
    for guide in guides:
        guide.close()
    press(window, "Trợ giúp", "Giới thiệu Đảng vụ")
    assert seen.shown[-1][1] == "Giới thiệu Đảng vụ" and "Phiên bản:" in seen.shown[-1][2]
    press(window, "Tài khoản", "Đăng xuất / đổi người dùng")
    assert window.signed_out and not window.isVisible()


def test_organisations_toolbar(office):
    window, seen = office
    page = window.page(window.page_classes[1])
    press(window, "Tổ chức đảng", "Thêm tổ chức")
    assert seen.shown[-1] == ("dialog", "OrgDialog", "Thêm tổ chức đảng")
    page.tree.setCurrentIndex(page.tree.model().index(0, 0))
    for text, kind in (("Sửa", "OrgDialog"), ("Chuyển cấp trên", "MoveOrgDialog"),
                       ("Giải thể", "DissolveOrgDialog")):
        press(window, "Tổ chức đảng", text)
        assert seen.shown[-1][:2] == ("dialog", kind)


def test_members_toolbar(office, tmp_path):
    window, seen = office
    page = window.page(window.page_classes[2])
    press(window, "Đảng viên", "Thêm đảng viên")
    assert seen.shown[-1] == ("dialog", "MemberDialog", "Thêm đảng viên")
    choose_first_row(page.view)
    name = page.view.model().index(0, 0).data() or page.view.model().index(0, 1).data()
    press(window, "Đảng viên", "Xem, sửa hồ sơ")
    assert seen.shown[-1][:2] == ("dialog", "MemberDialog") and "Hồ sơ đảng viên" in seen.shown[-1][2]
    press(window, "Đảng viên", "Ghi biến động")
    assert seen.shown[-1][:2] == ("dialog", "EventDialog") and "Ghi biến động" in seen.shown[-1][2]
    press(window, "Đảng viên", "Nhập từ Excel…")
    assert seen.shown[-1][:2] == ("dialog", "ImportMembersDialog")
    seen.file = tmp_path / "danh-sach.xlsx"
    press(window, "Đảng viên", "Xuất danh sách Excel…")
    assert (tmp_path / "danh-sach.xlsx").stat().st_size > 0, seen.texts()
    press(window, "Đảng viên", "In phiếu đảng viên…")
    assert open_papers() == [f"In phiếu đảng viên — {name}"]  # whose sheet, said in its title
    press(window, "Đảng viên", "In trích ngang…")
    assert open_papers() == ["In trích ngang 1 đảng viên"]


def test_admissions_toolbar(office):
    window, seen = office
    page = window.page(window.page_classes[3])
    press(window, "Kết nạp đảng viên", "Đặt chỉ tiêu…")
    assert seen.shown[-1][:2] == ("dialog", "TargetDialog")
    press(window, "Kết nạp đảng viên", "Bỏ chỉ tiêu")  # nothing chosen: said, not silent
    assert seen.shown[-1][:2] == ("box", "Bỏ chỉ tiêu") and "Chọn một chỉ tiêu" in seen.shown[-1][2]
    choose_first_row(page.target_view)
    press(window, "Kết nạp đảng viên", "Bỏ chỉ tiêu")
    assert seen.shown[-1] == ("box", "Bỏ chỉ tiêu", "Bỏ chỉ tiêu đã chọn?")
    press(window, "Kết nạp đảng viên", "Thêm người")
    assert seen.shown[-1][:2] == ("dialog", "CaseDialog")
    choose_first_row(page.case_view)
    for text in ("Sửa thông tin", "Ghi bước tiếp theo", "Sửa bước vừa ghi", "Xóa tên khi dự bị", "Thôi xét"):
        press(window, "Kết nạp đảng viên", text)
        assert seen.shown[-1][0] in ("dialog", "box"), text
    for text in ("In quyết định kết nạp…", "In quyết định chính thức…"):
        before = len(seen.shown)
        press(window, "Kết nạp đảng viên", text)
        assert open_papers() or len(seen.shown) > before, text  # the paper, or why not


def test_meetings_toolbar(office):
    window, seen = office
    page = window.page(window.page_classes[4])
    press(window, "Hội nghị, sinh hoạt", "Ghi hội nghị, sinh hoạt")
    assert seen.shown[-1][:2] == ("dialog", "MeetingDialog")
    page.view.clearSelection()
    page.view.setCurrentIndex(page.view.model().index(-1, -1))
    press(window, "Hội nghị, sinh hoạt", "Mở")  # nothing chosen: said, not silent
    assert seen.shown[-1][2] == "Chọn một cuộc họp trong danh sách trước."
    choose_first_row(page.view)
    press(window, "Hội nghị, sinh hoạt", "Mở")
    assert seen.shown[-1][:2] == ("dialog", "MeetingDialog")
    press(window, "Hội nghị, sinh hoạt", "Xóa")
    assert seen.shown[-1][1] == "Xóa cuộc họp"  # asked first; answered no
    assert page.view.model().rowCount() > 0


def test_inspections_toolbar(office):
    window, seen = office
    page = window.page(window.page_classes[5])
    press(window, "Kiểm tra, giám sát", "Ghi quyết định kỷ luật")
    assert seen.shown[-1][:2] == ("dialog", "DisciplineDialog")
    press(window, "Kiểm tra, giám sát", "In quyết định kỷ luật…")
    assert seen.shown[-1][2] == "Chọn một quyết định kỷ luật trong danh sách trước."
    for text in ("Sửa…", "Bỏ quyết định ghi nhầm"):
        press(window, "Kiểm tra, giám sát", text)
        assert seen.shown[-1][2] == "Chọn một quyết định kỷ luật trong danh sách trước."
    page.tabs.setCurrentIndex(1)
    assert page.disciplines.rowCount() > 0, "the demo's year has decisions of discipline"
    choose_first_row(page.discipline_view)
    press(window, "Kiểm tra, giám sát", "Sửa…")
    assert seen.shown[-1][1:] == ("DisciplineDialog", "Sửa quyết định kỷ luật")
    press(window, "Kiểm tra, giám sát", "Bỏ quyết định ghi nhầm")  # asked; "no" keeps it
    assert seen.shown[-1][1] == "Bỏ quyết định kỷ luật" and page.disciplines.rowCount() > 0
    press(window, "Kiểm tra, giám sát", "Thêm cuộc kiểm tra, giám sát")
    assert seen.shown[-1][:2] == ("dialog", "InspectionDialog")
    choose_first_row(page.case_view)
    press(window, "Kiểm tra, giám sát", "Mở")
    assert seen.shown[-1][:2] == ("dialog", "InspectionDialog")


def test_awards_toolbar(office):
    window, seen = office
    page = window.page(window.page_classes[7])
    press(window, "Khen thưởng, huy hiệu", "Thêm khen thưởng")
    assert seen.shown[-1][:2] == ("dialog", "AwardDialog")
    choose_first_row(page.award_view)
    press(window, "Khen thưởng, huy hiệu", "Sửa")
    assert seen.shown[-1][:2] == ("dialog", "AwardDialog")
    press(window, "Khen thưởng, huy hiệu", "Xóa")
    assert seen.shown[-1][1] == "Xóa khen thưởng"
    press(window, "Khen thưởng, huy hiệu", "In quyết định…")
    assert open_papers() == ["In quyết định khen thưởng"]
    press(window, "Khen thưởng, huy hiệu", "In giấy khen…")
    assert open_papers() == ["In giấy khen (A4 ngang, giấy in sẵn)"]


def test_programme_toolbar(office):
    window, seen = office
    page = window.page(window.page_classes[9])
    press(window, "Chỉ tiêu, chương trình", "Thêm chỉ tiêu")
    assert seen.shown[-1][:2] == ("dialog", "TargetDialog")
    from PySide6.QtCore import QModelIndex

    page.view.setCurrentIndex(QModelIndex())
    press(window, "Chỉ tiêu, chương trình", "Sửa", come_to_page=False)
    assert seen.shown[-1][2] == "Chọn một chỉ tiêu trong danh sách trước."
    choose_first_row(page.view)
    press(window, "Chỉ tiêu, chương trình", "Sửa")
    assert seen.shown[-1][:2] == ("dialog", "TargetDialog")
    press(window, "Chỉ tiêu, chương trình", "Xóa")
    assert seen.shown[-1][0] == "box" and "Xóa" in seen.shown[-1][1]


def test_users_toolbar(office):
    window, seen = office
    page = window.page(window.page_classes[-2])
    press(window, "Người dùng", "Thêm tài khoản")
    assert seen.shown[-1] == ("dialog", "UserDialog", "Thêm tài khoản")
    page.view.clearSelection()
    press(window, "Người dùng", "Sửa")
    assert seen.shown[-1][2] == "Chọn một tài khoản trong danh sách trước."
    choose_first_row(page.view)
    press(window, "Người dùng", "Sửa")
    assert seen.shown[-1][:2] == ("dialog", "UserDialog")
    press(window, "Người dùng", "Đặt lại mật khẩu")
    assert seen.shown[-1][:2] == ("dialog", "ChangePasswordDialog")


def test_returns_toolbar(office, tmp_path):
    """The reporting page's buttons, pressed in the window: a request, its workbooks written by a
    task that opens its own connection, one filled and brought back, the two papers printed."""
    from openpyxl import load_workbook
    from pypdf import PdfReader

    from models.returns.tables import GrassrootsReturn, ReturnRequest
    from models.returns.workbooks import FIRST_ROW, SHEET
    from ui.returns.page import ReturnsPage

    window, seen = office
    page = window.page(ReturnsPage)
    press(window, "Báo cáo của cơ sở", "Yêu cầu mới…")
    assert seen.shown[-1] == ("dialog", "RequestDialog", "Yêu cầu báo cáo mới")
    under_way = ReturnRequest.select().order_by(ReturnRequest.period_end.desc()).first()  # nothing back yet
    page.request.setCurrentIndex(page.request.findData(under_way.id))
    seen.file = tmp_path / "mau"
    press(window, "Báo cáo của cơ sở", "Xuất mẫu Excel…")
    books = sorted((tmp_path / "mau").glob("*.xlsx"))
    assert len(books) == page.model.rowCount() > 0 and seen.titles()[-1] == "Đã xuất mẫu"
    book = load_workbook(books[0])
    sheet = book[SHEET]
    for row in range(FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=3).value is None and sheet.cell(row=row, column=4).value != "lời văn":
            sheet.cell(row=row, column=3).value = 0
    book.save(books[0])
    seen.file, seen.answer = [books[0], books[1]], "yes"  # the second left as it went out: refused
    press(window, "Báo cáo của cơ sở", "Nhận báo cáo…")
    question = next(text for kind, title, text in seen.shown if title == "Nhận báo cáo")
    assert "✓" in question and "✗" in question and "chưa điền" in question
    assert seen.titles()[-1] == "Đã nhận"
    assert GrassrootsReturn.select().where(GrassrootsReturn.request == under_way.id).count() == 1
    press(window, "Báo cáo của cơ sở", "Mẫu báo cáo…")
    assert seen.shown[-1] == ("dialog", "FormEditorDialog", "Mẫu báo cáo của tổ chức cơ sở")
    for text, name, words in (("In công văn đôn đốc…", "cong-van.pdf", "V/v đôn đốc gửi"),
                              ("In báo cáo tổng hợp…", "tong-hop.pdf", "PHỤ LỤC: BÁO CÁO CỦA CÁC TỔ CHỨC")):
        page.request.setCurrentIndex(max(page.request.findData(under_way.id - 1), 0))  # the one due
        seen.file, seen.answer = tmp_path / name, "no"  # a draft
        press(window, "Báo cáo của cơ sở", text)
        assert seen.titles()[-1] == "Đã ghi", seen.texts()
        assert words in " ".join(page.extract_text() for page in PdfReader(tmp_path / name).pages)


def test_dues_toolbar(office, tmp_path, qtbot):
    """The dues page's buttons, pressed in the window: the shares corrected, an organisation's
    quarter typed (Enter on its row) and kept over the returns' figure, the quarter taken from
    the accepted returns after the look at what would change, the quarterly report printed."""
    from pypdf import PdfReader
    from PySide6.QtCore import Qt

    from models.dues.tables import DuesEntry, DuesShare
    from tests.conftest import type_text
    from ui.dues.page import DuesPage

    window, seen = office
    page = window.page(DuesPage)
    window.sidebar.setCurrentRow(window.page_classes.index(DuesPage))
    settled()
    assert (page.period(), page.model.rowCount()) == ((2026, 3), 4)  # the last quarter ended, 04/12/2026
    assert "Có số liệu" in page.summary.text() and "cơ sở giữ lại 30%" in page.summary.text()

    def shares(dialog) -> int:
        assert dialog.kept.value() == 30  # the form starts from the share in force
        dialog.valid_from.setText("01/07/2026")
        dialog.kept.setValue(35)
        assert dialog.save(), dialog.errors.message_for("valid_from")
        return 1

    seen.on_dialog = shares
    press(window, "Đảng phí", "Tỷ lệ trích giữ lại…")
    assert [row.kept_percent for row in DuesShare.select().order_by(DuesShare.valid_from)] == [30, 35]
    settled()
    assert "cơ sở giữ lại 35%" in page.summary.text()
    position = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).source)  # from a return
    chosen = page.model.row_at(position)

    def typed(dialog) -> int:
        dialog.collected.clear()
        type_text(dialog.collected, "1.500.000")
        dialog.remitted.clear()
        type_text(dialog.remitted, "975000")
        dialog.remitted_on.setText("05102026")
        assert dialog.save(), [dialog.errors.message_for(key) for key in ("collected", "remitted_on")]
        return 1

    seen.on_dialog = typed
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(position, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    settled()
    entry = DuesEntry.get(DuesEntry.id == chosen.entry_id)
    assert (entry.collected, entry.remitted, entry.source, str(entry.remitted_on)) == \
        (1_500_000, 975_000, "", "2026-10-05")
    assert page.model.index(position, 2).data() == "975.000"  # 65% of it owed under the new share
    seen.on_dialog = typed
    press(window, "Đảng phí", "Ghi số liệu…")  # the same row again, from the toolbar
    seen.on_dialog, seen.answer = None, "yes"
    press(window, "Đảng phí", "Lấy từ báo cáo cơ sở…")
    assert seen.shown[-1][1] in ("Lấy từ báo cáo cơ sở", "Không có gì để lấy"), seen.texts()
    assert "giữ số đã nhập tay" in seen.shown[-1][2]  # the typed figure is kept, and said
    assert DuesEntry.get_by_id(entry.id).collected == 1_500_000
    seen.file, seen.answer = tmp_path / "dang-phi.pdf", "no"  # a draft
    press(window, "Đảng phí", "In báo cáo quý…")
    assert seen.titles()[-1] == "Đã ghi", seen.texts()
    pages = PdfReader(tmp_path / "dang-phi.pdf").pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert "kết quả thu, nộp đảng phí quý III năm 2026" in text and "theo tỷ lệ trích giữ lại 35%" in text


def test_every_action_of_the_window_is_pressed_by_a_test_here(office, request):
    """Run after the others (the file's order): each menu item and toolbar button of the window,
    pressed by some test of this file. Run alone, it lists what there is to press."""
    window, _seen = office
    actions = set(window_actions(window))
    module_tests = [item for item in request.session.items if item.module is request.module]
    if len(module_tests) < len([name for name in dir(request.module) if name.startswith("test_")]):
        pytest.skip("only a part of this file ran: the others press the actions")
    assert sorted(actions - PRESSED) == []
