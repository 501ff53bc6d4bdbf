"""Forms of the awards and badges page: an award, a decision confirming a proposal list, and
badges presented to the members chosen from the list."""

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from models.awards import (
    MILESTONES,
    POSTHUMOUS,
    AwardRow,
    BadgeCandidate,
    award_many,
    create_award,
    present_badge,
    present_badges,
    update_award,
)
from models.core import vocab as v
from ui.widgets.code_combo import code_combo, select_code
from ui.widgets.date_edit import DateEdit
from ui.widgets.form_dialog import FormDialog
from ui.widgets.member_picker import MemberPicker
from ui.widgets.org_picker import OrgPicker


def _issuer_box() -> QComboBox:
    issuer = QComboBox()
    issuer.setEditable(True)
    issuer.addItems(v.AWARD_ISSUERS)
    return issuer


class AwardDialog(FormDialog):
    def __init__(self, award: AwardRow | None = None, parent=None):
        super().__init__("Khen thưởng", parent)
        self.award = award
        self.kind = code_combo(v.AWARD_RECIPIENTS)
        self.org = OrgPicker()
        self.member = MemberPicker()
        self.name = QLineEdit()
        self.name.setPlaceholderText("Tên in trên quyết định; để trống thì lấy tên trong hồ sơ")
        self.form_kind = code_combo(v.AWARD_FORMS)
        select_code(self.form_kind, "GIAY_KHEN")  # what the bloc, the first issuer offered, gives
        self.issuer = _issuer_box()
        self.campaign = QLineEdit()
        self.campaign.setPlaceholderText("Ví dụ: Hoàn thành xuất sắc nhiệm vụ 5 năm liền (2019–2023)")
        self.decision_no = QLineEdit()
        self.decision_date = DateEdit("Ngày quyết định", "decision_date")
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(60)
        form = QFormLayout()
        for field, label, widget in (
            ("recipient_kind", "Đối tượng", self.kind), ("org_id", "Tổ chức đảng", self.org),
            ("member_id", "Đảng viên", self.member), ("recipient_name", "Tên được khen", self.name),
            ("form", "Hình thức", self.form_kind), ("issuer", "Cấp khen thưởng", self.issuer),
            ("campaign", "Thành tích", self.campaign), ("decision_no", "Số quyết định", self.decision_no),
            ("decision_date", "Ngày quyết định", self.decision_date), ("note", "Ghi chú", self.note),
        ):
            self.errors.add_row(form, field, label, widget)
        self.kind.currentIndexChanged.connect(lambda _i: self._show_recipient())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons())
        if award is not None:
            select_code(self.kind, award.recipient_kind)
            self.org.set_org_id(award.org_id)
            if award.member_id is not None:
                self.member.choice.addItem(award.recipient_name, award.member_id)
            self.name.setText(award.recipient_name)
            select_code(self.form_kind, award.form)
            self.issuer.setCurrentText(award.issuer)
            self.campaign.setText(award.campaign)
            self.decision_no.setText(award.decision_no)
            self.decision_date.set_date(award.decision_date)
            self.note.setPlainText(award.note)
        self._show_recipient()
        self.resize(680, 420)
        self.mark_clean()

    def _show_recipient(self) -> None:
        kind = self.kind.currentData()
        for widget, shown in ((self.org, kind == v.ORG_RECIPIENT), (self.member, kind == v.MEMBER_RECIPIENT)):
            widget.setEnabled(shown)

    def write(self) -> None:
        fields = {"recipient_kind": self.kind.currentData(), "org_id": self.org.org_id(),
                  "member_id": self.member.member_id(), "recipient_name": self.name.text(),
                  "form": self.form_kind.currentData(), "issuer": self.issuer.currentText(),
                  "campaign": self.campaign.text(), "decision_no": self.decision_no.text(),
                  "decision_date": self.decision_date.date(), "note": self.note.toPlainText()}
        if self.award is None:
            create_award(**fields)
        else:
            update_award(self.award.id, **fields)


class ConfirmProposalsDialog(FormDialog):
    """One decision for the ticked names of a proposal list."""

    def __init__(self, recipients: list[tuple[str, int]], campaign: str, parent=None):
        super().__init__("Quyết định khen thưởng theo danh sách", parent)
        self.recipients = recipients
        self.form_kind = code_combo(v.AWARD_FORMS)
        select_code(self.form_kind, "GIAY_KHEN")
        self.issuer = _issuer_box()
        self.campaign = QLineEdit(campaign)
        self.decision_no = QLineEdit()
        self.decision_date = DateEdit("Ngày quyết định", "decision_date")
        form = QFormLayout()
        for field, label, widget in (
            ("form", "Hình thức", self.form_kind), ("issuer", "Cấp khen thưởng", self.issuer),
            ("campaign", "Thành tích", self.campaign), ("decision_no", "Số quyết định", self.decision_no),
            ("decision_date", "Ngày quyết định", self.decision_date),
        ):
            self.errors.add_row(form, field, label, widget)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Khen thưởng {len(recipients)} đối tượng đã chọn trong danh sách đề nghị."))
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons("Ghi khen thưởng"))
        self.mark_clean()

    def write(self) -> None:
        award_many(self.recipients, form=self.form_kind.currentData(), issuer=self.issuer.currentText(),
                   campaign=self.campaign.text(), decision_no=self.decision_no.text(),
                   decision_date=self.decision_date.date())


class BadgeDialog(FormDialog):
    """Badges for the members chosen in the list: one decision; the badge number when one."""

    def __init__(self, chosen: list[BadgeCandidate], occasion: date, parent=None):
        super().__init__("Trao tặng Huy hiệu Đảng", parent)
        self.chosen = chosen
        self.occasion = DateEdit("Ngày trao tặng", "occasion")
        self.occasion.set_date(occasion)
        self.decision_no = QLineEdit()
        self.decision_date = DateEdit("Ngày quyết định", "decision_date")
        self.badge_number = QLineEdit()
        self.milestone = QComboBox()
        for milestone in MILESTONES:
            self.milestone.addItem(f"{milestone} năm tuổi Đảng", milestone)
        self.posthumous = QCheckBox("Truy tặng")
        self.note = QLineEdit()
        form = QFormLayout()
        if len(chosen) == 1:
            person = chosen[0]
            form.addRow("Đảng viên", QLabel(f"{person.full_name} — {person.org_name}"))
            self.milestone.setCurrentIndex(MILESTONES.index(person.milestone))
            self.posthumous.setChecked(person.kind == POSTHUMOUS)
            rows = (("milestone", "Mốc huy hiệu", self.milestone), ("posthumous", "", self.posthumous),
                    ("occasion", "Ngày trao tặng", self.occasion), ("decision_no", "Số quyết định",
                                                                     self.decision_no),
                    ("decision_date", "Ngày quyết định", self.decision_date),
                    ("badge_number", "Số huy hiệu", self.badge_number), ("note", "Ghi chú", self.note))
        else:
            form.addRow(QLabel(f"{len(chosen)} đảng viên đã chọn, mỗi người nhận huy hiệu theo mốc trong "
                               "danh sách."))
            rows = (("occasion", "Ngày trao tặng", self.occasion),
                    ("decision_no", "Số quyết định", self.decision_no),
                    ("decision_date", "Ngày quyết định", self.decision_date))
        for field, label, widget in rows:
            self.errors.add_row(form, field, label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.make_buttons("Ghi trao tặng"))
        self.mark_clean()

    def write(self) -> None:
        if len(self.chosen) == 1:
            present_badge(self.chosen[0].member_id, self.milestone.currentData(), self.occasion.date(),
                          self.decision_no.text(), self.decision_date.date(), self.badge_number.text(),
                          self.posthumous.isChecked(), self.note.text())
            return
        present_badges([(c.member_id, c.milestone, c.kind == POSTHUMOUS) for c in self.chosen],
                       self.occasion.date(), self.decision_no.text(), self.decision_date.date())
