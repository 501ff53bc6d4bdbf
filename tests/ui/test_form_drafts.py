"""Typing survives the program closing without the form being saved: a power cut, a crash,
Windows restarting. Before, a half-typed member record was gone with the process."""

import json
import stat
from datetime import timedelta

import models.accounts.drafts as drafts
import ui.widgets.form_drafts as form_drafts
from models.accounts import DraftSlot, draft_of, draft_slot, drafts_left, keep_draft
from models.core import clock
from models.members.tables import Member
from tests.conftest import finish, type_text
from tests.ui.test_member_forms import fill_new
from ui.members.dialogs import MemberDialog
from ui.reports.page import ReportsPage
from ui.users.dialogs import UserDialog


def _power_cut(dialog) -> None:
    """The process ends: no done(), no question; only what was written down stays."""
    dialog._drafts.timer.stop()
    dialog.hide()


def _half_typed_member(qtbot, bloc_tree) -> MemberDialog:
    """A new member's form typed into and shown until its draft is kept."""
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new(dialog, bloc_tree)
    qtbot.waitUntil(lambda: len(drafts_left()) == 1, timeout=5000)
    return dialog


def test_a_half_typed_member_comes_back_after_the_program_closed_unsaved(qtbot, bloc_tree, quick_keeping):
    asked, answer = quick_keeping
    first = MemberDialog()
    qtbot.addWidget(first)
    first.show()
    fill_new(first, bloc_tree)
    first.inputs["note"].setPlainText("Chuyển từ Đảng bộ tỉnh Hà Nam về, chờ hồ sơ gốc.")
    qtbot.waitUntil(lambda: len(drafts_left()) == 1, timeout=5000)
    assert drafts_left()[0].title == "Thêm đảng viên — Nguyễn Thị Ánh Đào"
    _power_cut(first)

    answer(form_drafts.RESTORE)
    again = MemberDialog()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.inputs["full_name"].text() == "Nguyễn Thị Ánh Đào", timeout=5000)
    assert len(asked) == 1
    assert again.inputs["birth_date"].text() == "05/03/1985"
    assert again.inputs["sex"].currentData() == "F"
    assert again.opening.org.org_id() == bloc_tree["cell_a"].id
    assert again.inputs["note"].toPlainText() == "Chuyển từ Đảng bộ tỉnh Hà Nam về, chờ hồ sơ gốc."
    assert again.has_unsaved_changes()  # back as typing, which the clerk reviews and saves
    again.save_and_close()
    assert Member.select().where(Member.full_name == "Nguyễn Thị Ánh Đào").count() == 1
    assert drafts_left() == []


def test_a_form_saved_or_closed_on_purpose_leaves_no_draft(qtbot, bloc_tree, quick_keeping):
    dialog = _half_typed_member(qtbot, bloc_tree)
    dialog.reject()  # the question about unsaved typing answered "Bỏ thay đổi" (conftest)
    assert drafts_left() == [] and list(drafts._folder().glob("*.json")) == []


def test_a_draft_declined_is_removed_and_another_record_is_not_offered_it(qtbot, bloc_tree, make_member,
                                                                         quick_keeping):
    asked, answer = quick_keeping
    _power_cut(_half_typed_member(qtbot, bloc_tree))
    other = MemberDialog(make_member(full_name="Phạm Văn Tùng").id)  # another record: another slot
    qtbot.addWidget(other)
    other.show()
    qtbot.wait(100)
    assert asked == [] and other.inputs["full_name"].text() == "Phạm Văn Tùng"
    other.reject()
    answer(form_drafts.DISCARD)
    declined = MemberDialog()
    qtbot.addWidget(declined)
    declined.show()
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=5000)
    assert declined.inputs["full_name"].text() == "" and drafts_left() == []


def test_a_password_is_never_written_into_a_draft(qtbot, bloc_tree, quick_keeping):
    dialog = UserDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.username, "thuky2")
    type_text(dialog.password, "mat-khau-bi-mat-9")
    type_text(dialog.repeat, "mat-khau-bi-mat-9")
    qtbot.waitUntil(lambda: len(drafts_left()) == 1, timeout=5000)
    written = next(drafts._folder().glob("*.json")).read_text(encoding="utf-8")
    assert "thuky2" in written and "mat-khau-bi-mat-9" not in written
    assert drafts_left()[0].values == {**drafts_left()[0].values, "username": "thuky2"}


def test_drafts_are_the_owners_alone_and_old_or_damaged_ones_go(bloc_tree):
    slot = draft_slot("ui.members.dialogs.MemberDialog", {})
    keep_draft(slot, "Đảng viên — Lê Văn Tám", {"inputs.full_name": "Lê Văn Tám"})
    keep_draft(DraftSlot("c" * 40, slot.identity, "nguoi-khac"), "Đảng viên — Lê Văn Sáu", {})
    path = drafts._folder() / f"{slot.name}.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [draft.title for draft in drafts_left()] == ["Đảng viên — Lê Văn Tám"]
    stored = json.loads(path.read_text(encoding="utf-8"))
    stored["plain"] = stored["plain"].replace(clock.now().isoformat(timespec="seconds")[:10],
                                              (clock.now() - timedelta(days=31)).date().isoformat())
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert draft_of(slot.name) is None and not path.exists()  # older than 30 days
    (drafts._folder() / f"{'b' * 40}.json").write_text("{không phải JSON", encoding="utf-8")
    assert drafts_left() == []  # the other account's is kept for it, the damaged one is gone
    assert [p.stem for p in drafts._folder().glob("*.json")] == ["c" * 40]


def test_signing_in_names_the_forms_left_half_typed(qtbot, bloc_tree, quick_keeping, monkeypatch):
    told = []
    monkeypatch.setattr(form_drafts, "inform", lambda parent, title, text: told.append(text))
    form_drafts.tell_drafts_left(None)
    assert told == []  # nothing left: nothing said
    _power_cut(_half_typed_member(qtbot, bloc_tree))
    form_drafts.tell_drafts_left(None)
    assert len(told) == 1 and "• Thêm đảng viên — Nguyễn Thị Ánh Đào (lúc " in told[0]
    form_drafts.tell_drafts_left(None)  # the next sign-in: named once is enough
    assert len(told) == 1 and len(drafts_left()) == 1  # still offered when the form is opened


def test_a_report_draft_typed_and_not_saved_comes_back_when_the_same_report_is_opened(
        qtbot, bloc_tree, quick_keeping):
    """The report's assessments are written here over days; a power cut took what was typed
    since the last Lưu dự thảo."""
    asked, answer = quick_keeping
    page = ReportsPage()
    qtbot.addWidget(page)
    page.show()
    page.year.setValue(2023)
    finish(qtbot, page.open_draft())
    page.editors["leadership"].setPlainText("Ban Thường vụ đã lãnh đạo toàn diện…")
    qtbot.waitUntil(lambda: [d.title for d in drafts_left()] == ["Dự thảo báo cáo tổng kết năm 2023"],
                    timeout=5000)
    page.keeper.timer.stop()  # the power goes
    page.hide()

    answer(form_drafts.RESTORE)
    again = ReportsPage()
    qtbot.addWidget(again)
    again.show()
    again.year.setValue(2023)
    finish(qtbot, again.open_draft())
    typed = "Ban Thường vụ đã lãnh đạo toàn diện…"
    qtbot.waitUntil(lambda: again.editors["leadership"].toPlainText() == typed, timeout=5000)
    assert len(asked) == 1 and again.has_unsaved_changes()
    assert again.save()
    assert drafts_left() == []  # saved: nothing left to offer
    again.editors["leadership"].setPlainText("Sửa tiếp sau khi lưu")
    qtbot.waitUntil(lambda: len(drafts_left()) == 1, timeout=5000)  # kept again from the next change


def test_a_form_shown_before_any_database_is_open_keeps_no_draft_and_shows(qtbot, db):
    """Found while building: the server's dialog, shown at start before any database is open,
    raised "Cannot use uninitialized Proxy" from its first showing."""
    from models.core.db import close_database
    from ui.users.server_dialog import ServerDialog

    close_database()
    dialog = ServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.isVisible() and dialog._drafts.slot is None


def test_a_blocked_app_data_folder_never_stops_the_form(qtbot, bloc_tree, quick_keeping, monkeypatch,
                                                        tmp_path):
    """The drafts' folder cannot be made (a file of that name, a full or read-only disk): the
    form goes on and saves as before; the failure is written in the log, not shown every 3 s."""
    blocked = tmp_path / "khong-ghi-duoc"
    blocked.write_text("một tệp, không phải thư mục")
    monkeypatch.setattr("models.accounts.drafts._folder", lambda: blocked / "ban-nhap")
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new(dialog, bloc_tree)
    qtbot.wait(300)  # several turns of the keeper's timer
    assert dialog.save() and Member.select().count() == 1


def test_the_question_names_what_was_left_half_typed(qtbot, monkeypatch):
    """A page's grid or a template is no "biểu mẫu" to the clerk: the question says its title."""
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox, QWidget

    from models.accounts import Draft

    seen = []

    def answer(box):
        seen.append((box.text(), [button.text() for button in box.buttons()]))
        box.buttons()[0].click()
        return 0
    monkeypatch.setattr(QMessageBox, "exec", answer)
    owner = QWidget()
    qtbot.addWidget(owner)
    draft = Draft("ten", datetime(2026, 12, 4, 9, 5), "Xếp loại năm 2026 — Chi bộ Văn phòng", {})
    assert form_drafts.ask_to_restore(owner, draft) == form_drafts.RESTORE
    text, buttons = seen[0]
    assert text == ("Lúc 09:05 ngày 04/12/2026, chương trình đã đóng khi “Xếp loại năm 2026 — Chi bộ Văn "
                    "phòng” đang được nhập dở, chưa lưu.")
    assert buttons == ["Điền lại", "Bỏ bản nhập dở"]
