
"""The awards and badges page: tables pass the model tester, forms write through models/
with errors beside their fields, the badge list is chosen from and presented."""

from datetime import date

from PySide6.QtCore import Qt

from models.awards.awarding import awards_between, tsvm_proposals
from models.awards.badges import badge_list, badges_presented
from models.awards.tables import Award, BadgeAward
from models.core import vocab as v
from models.ratings.grid import rate_org
from models.ratings.rules import EXCELLENT
from tests.conftest import finish, type_text
from ui.awards.dialogs import AwardDialog, BadgeDialog, ConfirmProposalsDialog
from ui.awards.page import AwardsPage, next_occasion
from ui.awards.tables import AwardTableModel, BadgeCandidateModel, PresentedBadgeModel, ProposalTableModel
from ui.widgets.code_combo import select_code


def _veteran(make_member):
    return make_member(full_name="Phạm Văn Đủ", admitted=date(1994, 1, 20), birth_date=date(1960, 1, 1))


def test_award_tables_pass_modeltester(qtmodeltester, qtbot, bloc_tree, make_member):
    member = _veteran(make_member)
    rate_org(2023, bloc_tree["small"].id, EXCELLENT)
    proposals = ProposalTableModel()
    proposals.set_rows(tsvm_proposals(2023))
    qtmodeltester.check(proposals)
    assert proposals.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    candidates = BadgeCandidateModel()
    candidates.set_rows(badge_list(date(2024, 2, 3)))
    qtmodeltester.check(candidates)
    assert candidates.index(0, 4).data() == "30 năm"
    BadgeDialog(badge_list(date(2024, 2, 3)), date(2024, 2, 3)).save()
    presented = PresentedBadgeModel()
    presented.set_rows(badges_presented(date(2024, 1, 1), date(2024, 12, 31)))
    qtmodeltester.check(presented)
    assert presented.index(0, 1).data() == member.full_name
    awards = AwardTableModel()
    ConfirmProposalsDialog([(v.ORG_RECIPIENT, bloc_tree["small"].id)], "TSVM tiêu biểu 2023").save()
    awards.set_rows(awards_between(date(2000, 1, 1), date.today()))
    qtmodeltester.check(awards)


def test_award_form_shows_errors_beside_fields_and_saves(qtbot, bloc_tree):
    dialog = AwardDialog()
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(v.COLLECTIVE))
    assert not dialog.save()
    assert "Nhập tên tập thể" in dialog.errors.message_for("recipient_name")
    dialog.name.setFocus()
    type_text(dialog.name, "Văn phòng Đảng ủy Khối")
    dialog.decision_date.setText("31/02/2024")
    assert not dialog.save()
    assert dialog.errors.message_for("decision_date")
    dialog.decision_date.setText("15/01/2024")
    dialog.decision_no.setText("12-QĐ/ĐUK")
    select_code(dialog.form_kind, "CO")  # a flag is the province's to give, not the bloc's
    assert not dialog.save()
    assert "Đảng ủy Khối tặng Giấy khen" in dialog.errors.message_for("form")
    select_code(dialog.form_kind, "GIAY_KHEN")
    assert dialog.save()
    award = Award.get()
    assert (award.recipient_name, award.form, award.issuer) == ("Văn phòng Đảng ủy Khối", "GIAY_KHEN",
                                                                "Ban Thường vụ Đảng ủy Khối")


def test_badge_tab_lists_and_presents_for_the_chosen_day(qtbot, bloc_tree, make_member):
    _veteran(make_member)
    page = AwardsPage()
    qtbot.addWidget(page)
    page.occasion.set_date(date(2024, 2, 3))
    finish(qtbot, page.refresh_badges())
    assert page.candidates.rowCount() == 1
    assert "1 huy hiệu 30 năm" in page.badge_summary.text()
    page.candidate_view.selectRow(0)
    dialog = BadgeDialog([page.candidates.row_at(0)], date(2024, 2, 3), page)
    dialog.badge_number.setText("0012345")
    assert dialog.save()
    finish(qtbot, page.refresh_badges())
    assert page.candidates.rowCount() == 0
    assert page.presented.rowCount() == 1
    assert BadgeAward.get().badge_number == "0012345"


def test_next_occasion_is_the_first_presentation_day_from_today():
    assert next_occasion(date(2026, 11, 22)) == date(2027, 2, 3)
    assert next_occasion(date(2026, 5, 19)) == date(2026, 5, 19)


def test_the_year_counts_awards_and_the_decisions_they_came_in(qtbot, bloc_tree, make_member):
    """Reported: "91 quyết định khen thưởng" under 91 awards given by 4 decisions."""
    from models.awards.awarding import create_award

    for n, name in enumerate(("An", "Bình", "Cường")):
        member = make_member(full_name=f"Nguyễn Văn {name}", identity_number=f"00108001234{n}")
        create_award(recipient_kind=v.MEMBER_RECIPIENT, member_id=member.id, form="GIAY_KHEN",
                     issuer="Ban Thường vụ Đảng ủy Khối", decision_no="240-QĐ/ĐUK",
                     decision_date=date(2024, 1, 25))
    create_award(recipient_kind=v.COLLECTIVE, recipient_name="Văn phòng Đảng ủy Khối", form="BANG_KHEN",
                 issuer="Ủy ban nhân dân tỉnh", decision_no="2305/QĐ-UBND", decision_date=date(2024, 1, 25))
    page = AwardsPage()
    qtbot.addWidget(page)
    page.award_year.setValue(2024)
    page.refresh_awards()
    assert page.award_summary.text() == "4 khen thưởng theo 2 quyết định trong năm 2024."
