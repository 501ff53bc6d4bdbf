"""The meetings page and form: tables pass the model tester; a cell meeting is recorded with
its attendance from the roster, the quorum read off as boxes are ticked; compliance lists."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from models.meetings.lists import MeetingFilter, cells_without_monthly_meeting, meeting_rows
from models.meetings.record import add_resolution, attendance, create_meeting, default_roster, resolutions
from models.meetings.tables import Meeting
from models.meetings.vocab import BCH_DUK, CHI_BO, THUONG_KY
from tests.conftest import finish, type_text
from ui.meetings.meeting_dialog import MeetingDialog
from ui.meetings.page import MeetingsPage
from ui.meetings.tables import (
    PRESENT,
    REASON,
    AttendanceModel,
    CellGapTableModel,
    MeetingTableModel,
    ResolutionTableModel,
)


def test_meeting_tables_pass_modeltester(qtmodeltester, qtbot, bloc_tree, make_member):
    make_member()
    meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                              "date": date(2024, 3, 5)})
    add_resolution(meeting.id, {"kind": "NGHI_QUYET", "text": "Nghị quyết tháng 3", "votes_for": 1})
    for model, rows in ((MeetingTableModel(), meeting_rows(MeetingFilter())),
                        (ResolutionTableModel(), resolutions(meeting.id)),
                        (CellGapTableModel(), cells_without_monthly_meeting(2024, 3))):
        model.set_rows(rows)
        qtmodeltester.check(model)
    sheet = AttendanceModel()
    sheet.set_lines(default_roster(meeting.id))
    qtmodeltester.check(sheet)
    assert sheet.index(0, PRESENT).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_cell_meeting_recorded_with_attendance_and_quorum(qtbot, bloc_tree, make_member):
    for index in range(3):
        make_member(full_name=f"Đảng viên {chr(65 + index)}")
    dialog = MeetingDialog()
    qtbot.addWidget(dialog)
    dialog.body.setCurrentIndex(dialog.body.findData(CHI_BO))
    dialog.org.set_org_id(bloc_tree["cell_a"].id)
    dialog.kind.setCurrentIndex(dialog.kind.findData(THUONG_KY))
    dialog.day.setText("05/03/2024")
    dialog.fill_roster()  # saves the new meeting first
    assert Meeting.select().count() == 1 and dialog.sheet.rowCount() == 3
    sheet = dialog.sheet
    sheet.setData(sheet.index(0, PRESENT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    sheet.setData(sheet.index(1, PRESENT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert "Có mặt 1/3" in dialog.quorum_line.text() and "KHÔNG đủ" in dialog.quorum_line.text()
    assert not dialog.save()  # absences without a reason
    assert "vắng mặt thì ghi lý do" in dialog.errors.message_for("attendance")
    assert dialog.tabs.currentIndex() == 1
    sheet.setData(sheet.index(0, REASON), "Ốm")
    sheet.setData(sheet.index(1, REASON), "Đi công tác")
    dialog.minutes.setFocus()
    type_text(dialog.minutes, "Chi bộ thống nhất nhiệm vụ tháng 4.")
    assert dialog.save()
    meeting = Meeting.get()
    assert meeting.minutes == "Chi bộ thống nhất nhiệm vụ tháng 4."
    assert [line.present for line in attendance(meeting.id)] == [False, False, True]
    assert "Chỉ có 1/3 đảng viên" in dialog.warning_line.text()


def test_page_filters_search_and_compliance(qtbot, bloc_tree):
    create_meeting({"body": BCH_DUK, "kind": "KHAC", "date": date(2024, 3, 5),
                    "title": "Hội nghị chuyên đề chuyển đổi số"})
    create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                    "date": date(2024, 3, 6)})
    page = MeetingsPage()
    qtbot.addWidget(page)
    page.year.setValue(2024)
    page.month.setCurrentIndex(3)
    qtbot.waitUntil(lambda: not page.loading())
    assert page.meetings.rowCount() == 2
    page.search.setText("chuyen doi so")
    page.search.flush()
    qtbot.waitUntil(lambda: not page.loading())
    assert page.meetings.rowCount() == 1
    assert page.meetings.index(0, 5).data() == "Hội nghị chuyên đề chuyển đổi số"
    page.check_year.setValue(2024)
    page.check_month.setCurrentIndex(2)
    finish(qtbot, page.refresh_compliance())
    assert "2 chi bộ" in page.monthly_label.text()
    page.start.set_date(date(2024, 1, 1))
    page.end.set_date(date(2024, 12, 31))
    finish(qtbot, page.compute())
    assert "Ban Chấp hành Đảng bộ Khối tổ chức 01 hội nghị" in page.summary.toPlainText()


def test_attendance_messages_follow_what_the_sheet_shows(qtbot, bloc_tree, make_member):
    """Reported: a red “Chưa điểm danh…” stayed next to “Có mặt 21/22 … đủ số lượng”, and
    “vắng mặt thì ghi lý do” stayed after the reason was typed."""
    for index in range(3):
        make_member(full_name=f"Đảng viên {chr(65 + index)}")
    dialog = MeetingDialog()
    qtbot.addWidget(dialog)
    dialog.body.setCurrentIndex(dialog.body.findData(CHI_BO))
    dialog.org.set_org_id(bloc_tree["cell_a"].id)
    dialog.kind.setCurrentIndex(dialog.kind.findData(THUONG_KY))
    dialog.day.setText("05/03/2024")
    assert dialog.save()
    dialog.refresh_children()
    assert "Chưa điểm danh" in dialog.warning_line.text()  # nothing taken yet: said
    dialog.fill_roster()
    sheet = dialog.sheet
    assert "Có mặt 3/3" in dialog.quorum_line.text() and "Chưa điểm danh" not in dialog.warning_line.text()
    sheet.setData(sheet.index(0, PRESENT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.save()
    assert "vắng mặt thì ghi lý do" in dialog.errors.message_for("attendance")
    sheet.setData(sheet.index(0, REASON), "Ốm")
    assert dialog.errors.message_for("attendance") == ""


def test_the_sheet_keeps_who_was_away_on_the_day(qtbot, bloc_tree, make_member):
    """A reason typed beside a member studying elsewhere keeps them out of those convened (the
    sheet rebuilt each edited line and forgot it)."""
    from models.core import vocab as v
    from models.members.events import record_event

    people = [make_member(full_name=f"Đảng viên {name}", admitted=date(2015, 1, 1 + n))
              for n, name in enumerate(("An", "Bình", "Cường"))]
    record_event(people[2].id, v.TEMP_OUT_START, date(2023, 9, 1), place="Trường Chính trị tỉnh",
                 decision_no="3-GGT/ĐUK")
    meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                              "date": date(2024, 3, 5)})
    sheet = AttendanceModel()
    sheet.set_lines(default_roster(meeting.id))
    away = next(row for row, line in enumerate(sheet.lines) if not line.convened)
    sheet.setData(sheet.index(away, REASON), "Đang học")
    assert not sheet.lines[away].convened  # a reason typed does not make the member convened


def test_closing_with_unsaved_attendance_asks_first(qtbot, bloc_tree, make_member, monkeypatch):
    """Attendance ticked and reasons typed, then Esc: the form closed without a word and the
    ticks were gone (the sheet is a table, not one of the inputs the question looked at)."""
    import ui.widgets.guarded_dialog as guarded
    for index in range(2):
        make_member(full_name=f"Đảng viên {chr(65 + index)}")
    meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                              "date": date(2024, 3, 5)})
    dialog = MeetingDialog(meeting.id)
    qtbot.addWidget(dialog)
    dialog.load(meeting.id)
    dialog.fill_roster()
    assert dialog.save()
    dialog.mark_clean()
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *a, **k: pytest.fail("asked with nothing typed"))
    assert not dialog.has_unsaved_changes()
    sheet = dialog.sheet
    sheet.setData(sheet.index(0, PRESENT), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    sheet.setData(sheet.index(0, REASON), "Ốm")
    assert dialog.has_unsaved_changes()
    asked = []
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *a, **k: asked.append(1) or guarded.CONTINUE)
    dialog.reject()
    assert asked and dialog.result() == 0
    assert [line.present for line in attendance(meeting.id)] == [True, True]
    sheet.setData(sheet.index(0, PRESENT), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.has_unsaved_changes()  # ticked back as stored: nothing to ask about


def test_the_calendar_opens_on_the_programs_today(qtbot, bloc_tree):
    """Shown on 02/01/2027 (the demo's --today, the tests' clock), the calendar opened on December
    with the 7th chosen: Qt's own clock, which the program's one clock does not reach."""
    from PySide6.QtCore import QDate

    from tests.clock import clock_at

    with clock_at(date(2026, 1, 2)):
        page = MeetingsPage()
        qtbot.addWidget(page)
        page.show()
        assert page.calendar.selectedDate() == QDate(2026, 1, 2)
        assert (page.calendar.yearShown(), page.calendar.monthShown()) == (2026, 1)
