from datetime import date

import pytest

from models.core import vocab as v
from models.members.record import get_member
from models.members.tables import Member
from tests.conftest import type_text
from ui.members.dialogs import MemberDialog
from ui.members.event_dialog import EventDialog


def fill_new(dialog, bloc_tree, name="Nguyễn Thị Ánh Đào"):
    dialog.inputs["full_name"].setFocus()
    type_text(dialog.inputs["full_name"], name)
    dialog.inputs["sex"].setCurrentIndex(dialog.inputs["sex"].findData("F"))
    type_text(dialog.inputs["birth_date"], "05/03/1985")
    type_text(dialog.opening.date, "12/06/2012")
    dialog.opening.org.set_org_id(bloc_tree["cell_a"].id)


def test_new_member_bad_card_number_shows_message_and_keeps_typing(qtbot, bloc_tree):
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    fill_new(dialog, bloc_tree)
    type_text(dialog.inputs["card_number"], "1234567")
    assert dialog.save() is False
    assert "8 chữ số" in dialog.errors.message_for("card_number")
    assert dialog.tabs.currentIndex() == 1  # the tab holding the field is brought forward
    assert dialog.inputs["full_name"].text() == "Nguyễn Thị Ánh Đào"
    assert dialog.inputs["card_number"].text() == "1234567"
    assert Member.select().count() == 0

    dialog.inputs["card_number"].setText("01234567")
    assert dialog.save() is True
    stored = get_member(dialog.member_id)
    assert stored.full_name == "Nguyễn Thị Ánh Đào"
    assert stored.card_number == "01234567"
    assert stored.status == v.ACTIVE and stored.membership == v.PROBATIONARY
    assert dialog.errors.message_for("card_number") == ""


def test_impossible_date_is_reported_next_to_the_field(qtbot, bloc_tree):
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    fill_new(dialog, bloc_tree)
    dialog.inputs["birth_date"].setText("31/02/1985")
    assert dialog.save() is False
    assert "không có trên lịch" in dialog.errors.message_for("birth_date")
    assert dialog.tabs.currentIndex() == 0
    assert dialog.inputs["birth_date"].text() == "31/02/1985"


def test_opening_event_errors_show_in_its_box(qtbot, bloc_tree):
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    fill_new(dialog, bloc_tree)
    dialog.opening.org.setCurrentIndex(-1)
    assert dialog.save() is False
    assert "Chọn chi bộ" in dialog.opening.errors.message_for("org")
    assert Member.select().count() == 0


def test_existing_member_loads_edits_and_shows_history(qtbot, make_member):
    member = make_member(full_name="Phạm Văn Tùng", card_number="00112233")
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    assert dialog.inputs["full_name"].text() == "Phạm Văn Tùng"
    assert dialog.inputs["card_number"].text() == "00112233"
    assert dialog.inputs["admission_date"].text() == "01/03/2010"
    assert dialog.history_model.rowCount() == 1
    assert "dự bị" in dialog.state_label.text()
    assert "Chi bộ Phòng Ngân sách — Đảng bộ Sở Tài chính" in dialog.state_label.text()
    dialog.inputs["residence"].setText("Tổ 3, phường Hồng Hà")
    assert dialog.save()
    assert get_member(member.id).residence == "Tổ 3, phường Hồng Hà"


def test_event_dialog_offers_only_allowed_kinds_and_records(qtbot, make_member, monkeypatch):
    import ui.members.event_dialog as event_dialog

    questions = []
    monkeypatch.setattr(event_dialog, "confirm",
                        lambda _parent, _title, text, **kw: questions.append(text) or True)
    member = make_member()
    dialog = EventDialog(member.id, "Nguyễn Văn Đức")
    qtbot.addWidget(dialog)
    kinds = [dialog.fields.kind.itemData(i) for i in range(dialog.fields.kind.count())]
    assert v.DECEASED_EVENT in kinds and v.ADMITTED not in kinds
    assert v.EXPELLED_EVENT not in kinds  # a probationary member is struck off, not expelled
    dialog.fields.kind.setCurrentIndex(kinds.index(v.TRANSFER_OUT))
    assert dialog.fields.form.isRowVisible(dialog.fields._labels["place"])
    assert not dialog.fields.form.isRowVisible(dialog.fields._labels["org"])
    assert dialog.fields._labels["decision_no"].text() == "Số quyết định (*)"  # required marked
    dialog.fields.date.setText("01/09/2024")
    dialog.fields.place.setText("Đảng bộ tỉnh Bắc Ninh")
    # Reported: a transfer out was saved with no decision number and no confirmation.
    assert not dialog.save()
    assert "số quyết định" in dialog.fields.errors.message_for("decision_no")
    assert get_member(member.id).status == v.ACTIVE and questions == []
    dialog.fields.decision_no.setText("125-QĐ/ĐUK")
    assert dialog.save()
    assert "chuyển sinh hoạt chính thức đến Đảng bộ tỉnh Bắc Ninh" in questions[0]
    assert "Đã chuyển đi" in dialog.outcome
    assert get_member(member.id).status == v.TRANSFERRED_OUT


def test_event_dialog_refusal_is_shown_not_raised(qtbot, make_member):
    member = make_member(admitted=date(2024, 3, 1))
    dialog = EventDialog(member.id, "Nguyễn Văn Đức")
    qtbot.addWidget(dialog)
    kinds = [dialog.fields.kind.itemData(i) for i in range(dialog.fields.kind.count())]
    dialog.fields.kind.setCurrentIndex(kinds.index(v.RECOGNISED))
    dialog.fields.date.setText("01/12/2024")
    assert dialog.save() is False
    assert "12 tháng" in dialog.fields.errors.message_for("kind")
    assert get_member(member.id).membership == v.PROBATIONARY


def test_closing_with_unsaved_typing_asks_first(qtbot, bloc_tree, monkeypatch):
    import ui.widgets.guarded_dialog as guarded

    questions = []
    monkeypatch.setattr(guarded, "ask_unsaved",
                        lambda *args, **kw: questions.append(args) or guarded.CONTINUE)
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.has_unsaved_changes()
    type_text(dialog.inputs["full_name"], "Hà Văn Mới")
    assert dialog.has_unsaved_changes()
    dialog.reject()  # the clerk answers "no, keep it"
    assert dialog.isVisible() and len(questions) == 1
    assert dialog.inputs["full_name"].text() == "Hà Văn Mới"
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *args, **kw: guarded.DISCARD)
    dialog.reject()
    assert not dialog.isVisible()


def test_closing_an_untouched_form_asks_nothing(qtbot, make_member, monkeypatch):
    import ui.widgets.guarded_dialog as guarded

    monkeypatch.setattr(guarded, "ask_unsaved", lambda *args, **kw: pytest.fail("asked needlessly"))
    dialog = MemberDialog(make_member().id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible()


def test_viewing_the_party_tab_is_not_a_change(qtbot, make_member, monkeypatch):
    """Reported: opening "Thông tin đảng viên" and closing asked to discard changes."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    import ui.widgets.guarded_dialog as guarded

    monkeypatch.setattr(guarded, "ask_unsaved", lambda *args, **kw: pytest.fail("asked needlessly"))
    member = make_member(card_number="01234567", note="Ghi chú cũ")
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.tabs.tabBar()
    for index in (3, 2, 1):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        qtbot.wait(20)
    for widget in dialog.tabs.widget(1).findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
            widget.setFocus()
            qtbot.wait(5)
    assert not dialog.has_unsaved_changes()
    dialog.reject()
    assert not dialog.isVisible()


def test_unsaved_prompt_offers_save_discard_and_continue(qtbot, bloc_tree, monkeypatch):
    import ui.widgets.guarded_dialog as guarded

    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new(dialog, bloc_tree, name="Hà Văn Mới")
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *args, **kw: guarded.CONTINUE)
    dialog.reject()
    assert dialog.isVisible() and dialog.inputs["full_name"].text() == "Hà Văn Mới"
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *args, **kw: guarded.SAVE)
    dialog.reject()
    assert not dialog.isVisible() and dialog.saved
    assert Member.get_by_id(dialog.member_id).full_name == "Hà Văn Mới"


@pytest.mark.parametrize("field", ["birth_date", "full_member_date"])
def test_a_date_error_is_readable_whole(qtbot, make_member, field):
    """Reported: "Ngày sinh 31/02/1980 không có trên lịch." was cut to two half lines."""
    from tests.ui.clipping import clipped_texts

    dialog = MemberDialog(make_member().id)
    qtbot.addWidget(dialog)
    dialog.resize(860, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.inputs[field].setText("31/02/1980")
    assert dialog.save() is False
    qtbot.wait(20)
    label = dialog.errors._fields[field][1]
    assert "không có trên lịch" in label.text()
    assert clipped_texts(dialog) == []


def test_a_record_saved_elsewhere_meanwhile_is_not_overwritten_and_the_typing_stays(qtbot, make_member):
    from models.members.record import member_fields, update_member

    member = make_member(full_name="Phạm Văn Tùng")
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    dialog.inputs["residence"].setText("Tổ 3, phường Hồng Hà")
    # Another clerk, on another workstation, saves the same record first.
    update_member(member.id, {**member_fields(member), "note": "Đã chuyển nơi cư trú"})
    assert dialog.save() is False
    assert "sửa lúc" in dialog.errors._fallback.text() and not dialog.errors._fallback.isHidden()
    assert dialog.inputs["residence"].text() == "Tổ 3, phường Hồng Hà"
    stored = get_member(member.id)
    assert stored.note == "Đã chuyển nơi cư trú" and stored.residence != "Tổ 3, phường Hồng Hà"


def test_a_full_membership_date_on_arrival_makes_the_arrival_a_full_member(qtbot, bloc_tree):
    """Reported: “Là đảng viên” stayed on Dự bị beside Ngày chính thức 19/05/2021, and the save
    went through. The form now follows the date; a probationary choice with a date is refused."""
    dialog = MemberDialog()
    qtbot.addWidget(dialog)
    fill_new(dialog, bloc_tree)
    dialog.opening.kind.setCurrentIndex(dialog.opening.kind.findData(v.TRANSFER_IN))
    dialog.opening.membership.setCurrentIndex(dialog.opening.membership.findData(v.PROBATIONARY))
    for field, text in (("admission_date", "10052019"), ("ceremony_date", "19/05/2019"),
                        ("full_member_date", "19052021")):
        dialog.inputs[field].setFocus()
        type_text(dialog.inputs[field], text)
        dialog.inputs[field].editingFinished.emit()
    assert dialog.inputs["full_member_date"].text() == "19/05/2021"  # typed without separators
    assert dialog.opening.membership.currentData() == v.FULL
    dialog.opening.membership.setCurrentIndex(dialog.opening.membership.findData(v.PROBATIONARY))
    assert dialog.save() is False
    assert "chưa có ngày chính thức" in dialog.errors.message_for("full_member_date")
    assert Member.select().count() == 0
    dialog.opening.membership.setCurrentIndex(dialog.opening.membership.findData(v.FULL))
    assert dialog.save() is True
    assert get_member(dialog.member_id).membership == v.FULL


def test_tab_leaves_the_note_and_printing_the_sheet_is_no_typing(qtbot, make_member, monkeypatch):
    """Reported: Tab inside “Ghi chú” typed a tab, so the fields below it could not be reached;
    after “In phiếu đảng viên…” was opened and closed, Esc asked about unsaved typing."""
    from PySide6.QtCore import Qt

    from ui.members.printing import print_member_sheet

    member = make_member()
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    note = dialog.inputs["note"]
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert note.toPlainText() == "" and not note.hasFocus()
    sheet = print_member_sheet(dialog, member.id)
    sheet.close()
    assert not dialog.has_unsaved_changes()


def test_an_events_day_or_number_typed_wrong_is_corrected_from_the_history(qtbot, make_member, monkeypatch):
    """The history offered only 'Bỏ biến động nhập nhầm': a day typed wrong meant removing the
    event and every one after it. 'Sửa ngày, số…' corrects it in place; the form's own dates
    follow without counting as typing, and saving the form does not write the old day back."""
    import ui.members.dialogs as dialogs
    from models.members.events import history, record_event

    member = make_member(admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 20), decision_no="12-QĐ/ĐUK")
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    assert dialog.inputs["full_member_date"].text() == "20/03/2011"
    dialog.history_view.selectRow(1)

    def correct(form):
        assert form.date.text() == "20/03/2011" and form.decision_no.text() == "12-QĐ/ĐUK"
        form.date.setText("01/01/2011")  # before twelve months of probation: refused, said next to it
        assert not form.save() and "12 tháng" in form.errors.message_for("date")
        form.date.setText("02/03/2011")
        form.decision_no.setText("21-QĐ/ĐUK")
        return form.save()

    monkeypatch.setattr(dialogs.EventCorrectionDialog, "accepted_after_exec", correct)
    dialog.correct_selected_event()
    assert [(row.date, row.decision_no) for row in history(member.id)][1] == (date(2011, 3, 2), "21-QĐ/ĐUK")
    assert dialog.inputs["full_member_date"].text() == "02/03/2011"
    assert not dialog.has_unsaved_changes()
    dialog.inputs["residence"].setText("Tổ 3")
    assert dialog.save()
    assert get_member(member.id).full_member_date == date(2011, 3, 2)


def test_an_event_entered_by_mistake_is_removed_from_the_history(qtbot, make_member, monkeypatch):
    import ui.members.dialogs as dialogs
    from models.members.events import history, record_event

    member = make_member(admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 20))
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda _p, title, text, **_k: said.append((title, text)))
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    dialog = MemberDialog(member.id)
    qtbot.addWidget(dialog)
    dialog.remove_selected_event()  # nothing chosen: said which to choose, nothing removed
    assert said == [("Bỏ biến động", "Chọn biến động nhập nhầm trong bảng trước.")]
    dialog.history_view.selectRow(1)
    dialog.remove_selected_event()
    assert [row.kind for row in history(member.id)] == [v.ADMITTED]
    assert dialog.history_model.rowCount() == 1 and dialog.saved
