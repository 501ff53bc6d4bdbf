"""The awards and badges page: awards of a year, the proposal lists drawn from the ratings,
and the Party badge list for a presentation day with the badges presented."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.accounts import WRITE_RECORDS, may
from models.awards import (
    EARLY,
    awards_between,
    badge_list,
    badges_presented,
    decisions_among,
    delete_award,
    occasions_of,
    remove_badge,
    streak_campaign,
    streak_proposals,
    tsvm_campaign,
    tsvm_proposals,
)
from models.core import clock
from models.core.errors import ValidationError
from reports.glance import BADGES
from ui.awards.dialogs import AwardDialog, BadgeDialog, ConfirmProposalsDialog
from ui.awards.printing import print_award_decision, print_badge_proposal, print_certificates
from ui.awards.tables import AwardTableModel, BadgeCandidateModel, PresentedBadgeModel, ProposalTableModel
from ui.page import Page
from ui.tasks import Task
from ui.widgets.buttons import confirm, inform
from ui.widgets.date_edit import DateEdit
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.org_picker import OrgPicker
from ui.widgets.table_view import column_widths, list_view, open_on_activate

PROPOSAL_LISTS = {
    "TSVM": ("Tổ chức cơ sở đảng tiêu biểu (xếp loại cao nhất của năm)", tsvm_proposals, tsvm_campaign),
    "STREAK": ("Đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền", streak_proposals, streak_campaign),
}


def next_occasion(today: date) -> date:
    """The first usual presentation day from today on."""
    days = [day for year in (today.year, today.year + 1) for day, _name in occasions_of(year)]
    return next(day for day in days if day >= today)


class AwardsPage(Page):
    title = "Khen thưởng, huy hiệu"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._awards_tab(), "Khen thưởng")
        self.tabs.addTab(self._proposals_tab(), "Danh sách đề nghị")
        self.tabs.addTab(self._badges_tab(), "Huy hiệu Đảng")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    # --- Awards ---------------------------------------------------------------------------
    def _awards_tab(self) -> QWidget:
        page = QWidget()
        toolbar = QToolBar()
        add = QAction("Thêm khen thưởng", self, shortcut=QKeySequence.StandardKey.New)
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.add_award)
        edit = QAction("Sửa", self)
        edit.triggered.connect(self.edit_award)
        remove = QAction("Xóa", self, shortcut=QKeySequence.StandardKey.Delete)
        remove.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        remove.triggered.connect(self.remove_award)
        for action in (add, edit, remove):
            toolbar.addAction(action)
            page.addAction(action)
            action.setEnabled(may(WRITE_RECORDS))
        self.award_year = QSpinBox()
        self.award_year.setRange(1990, 2100)
        self.award_year.setValue(clock.today().year)
        self.award_year.setPrefix("Quyết định năm ")
        self.award_year.valueChanged.connect(lambda _v: self.refresh_awards())
        toolbar.addWidget(self.award_year)
        toolbar.addSeparator()
        decision = toolbar.addAction("In quyết định…")
        decision.setToolTip("Quyết định khen thưởng của đợt có dòng đang chọn, với danh sách")
        decision.triggered.connect(lambda: print_award_decision(self, self._chosen_award_id()))
        certificates = toolbar.addAction("In giấy khen…")
        certificates.triggered.connect(lambda: print_certificates(self, self._chosen_award_id()))
        self.awards = AwardTableModel(self)
        self.award_view = list_view(self.awards)
        self.award_view.setWordWrap(False)
        column_widths(self.award_view, (110, 120, 100, 125, 260, 200))
        open_on_activate(self.award_view, self.edit_award)
        self.award_summary = QLabel()
        layout = QVBoxLayout(page)
        layout.addWidget(toolbar)
        layout.addWidget(self.award_view)
        layout.addWidget(self.award_summary)
        return page

    def refresh_awards(self) -> None:
        year = self.award_year.value()
        rows = awards_between(date(year, 1, 1), date(year, 12, 31))
        self.awards.set_rows(rows)
        self.award_summary.setText(f"{len(rows)} khen thưởng theo {decisions_among(rows)} quyết định "
                                   f"trong năm {year}.")

    def _chosen_award(self):
        index = self.award_view.currentIndex()
        return self.awards.row_at(index.row()) if index.isValid() else None

    def _chosen_award_id(self) -> int | None:
        award = self._chosen_award()
        return award.id if award else None

    def add_award(self) -> None:
        if AwardDialog(parent=self).accepted_after_exec():
            self.refresh_awards()

    def edit_award(self) -> None:
        award = self._chosen_award()
        if award is not None and AwardDialog(award, self).accepted_after_exec():
            self.refresh_awards()

    def remove_award(self) -> None:
        award = self._chosen_award()
        if award is None or not confirm(self, "Xóa khen thưởng",
                                        f"Xóa khen thưởng “{award.recipient_name}” ({award.decision_no})?",
                                        yes="Xóa"):
            return
        delete_award(award.id)
        self.refresh_awards()

    # --- Proposal lists -------------------------------------------------------------------
    def _proposals_tab(self) -> QWidget:
        page = QWidget()
        self.proposal_year = QSpinBox()
        self.proposal_year.setRange(1990, clock.today().year)
        self.proposal_year.setValue(clock.today().year - 1)
        self.proposal_year.setPrefix("Năm ")
        self.proposal_kind = QComboBox()
        for code, (label, _list, _campaign) in PROPOSAL_LISTS.items():
            self.proposal_kind.addItem(label, code)
        for widget in (self.proposal_year, self.proposal_kind):
            signal = widget.valueChanged if widget is self.proposal_year else widget.currentIndexChanged
            signal.connect(lambda _v: self.refresh_proposals())
        self.confirm_button = QPushButton("Ghi quyết định cho những người đã chọn…")
        self.confirm_button.clicked.connect(self.confirm_proposals)
        self.confirm_button.setEnabled(may(WRITE_RECORDS))
        bar = FlowLayout()
        for widget in (self.proposal_year, self.proposal_kind, self.confirm_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.proposals = ProposalTableModel(self)
        view = list_view(self.proposals)
        view.setColumnWidth(0, 300)
        view.setColumnWidth(1, 300)
        self.proposal_note = QLabel()
        self.proposal_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(view)
        layout.addWidget(self.proposal_note)
        return page

    def refresh_proposals(self) -> None:
        """The lists read the ratings of every member: off the UI thread."""
        _label, make_list, campaign = PROPOSAL_LISTS[self.proposal_kind.currentData()]
        year = self.proposal_year.value()
        self.load_later("proposals", lambda: make_list(year),
                        lambda rows: self._show_proposals(rows, campaign, year))

    def _show_proposals(self, rows: list, campaign, year: int) -> None:
        self.proposals.set_rows(rows)
        self.proposal_note.setText(
            f"{len(rows)} đề nghị — “{campaign(year)}”. Danh sách lập từ kết quả xếp loại đã nhập; "
            "tổ chức chỉ báo cáo số liệu tổng hợp thì không có tên đảng viên. Bỏ chọn những trường hợp "
            "không đề nghị, rồi ghi quyết định.")

    def confirm_proposals(self) -> None:
        chosen = [row for row in self.proposals.ticked_rows() if not row.already]
        if not chosen:
            inform(self, "Chưa chọn", "Chọn ít nhất một trường hợp chưa được khen.")
            return
        _label, _list, campaign = PROPOSAL_LISTS[self.proposal_kind.currentData()]
        dialog = ConfirmProposalsDialog([(row.kind, row.record_id) for row in chosen],
                                        campaign(self.proposal_year.value()), self)
        if dialog.accepted_after_exec():
            self.refresh_proposals()
            self.refresh_awards()

    # --- Badges ---------------------------------------------------------------------------
    def _badges_tab(self) -> QWidget:
        page = QWidget()
        self.occasion = DateEdit("Ngày trao tặng", "occasion")
        self.occasion.set_date(next_occasion(clock.today()))
        self.occasion.editingFinished.connect(self.refresh_badges)
        self.occasion_choice = QComboBox()
        for year in (clock.today().year, clock.today().year + 1):
            for day, name in occasions_of(year):
                self.occasion_choice.addItem(f"{day:%d/%m/%Y} — {name}", day)
        coming = [self.occasion_choice.itemData(i) for i in range(self.occasion_choice.count())]
        self.occasion_choice.setCurrentIndex(coming.index(self.occasion.date()))
        self.occasion_choice.activated.connect(self._pick_occasion)
        self.badge_org = OrgPicker(any_label="Toàn Đảng bộ")
        self.badge_org.currentIndexChanged.connect(lambda _i: self.refresh_badges())
        self.with_early = QCheckBox("Gồm trường hợp có thể tặng sớm")
        self.with_early.setChecked(True)
        self.with_early.toggled.connect(lambda _c: self.refresh_badges())
        self.badge_summary = QLabel()
        self.badge_summary.setWordWrap(True)
        present = QPushButton("Trao tặng cho những người đã chọn…")
        present.clicked.connect(self.present)
        present.setEnabled(may(WRITE_RECORDS))
        bar = FlowLayout()
        for widget in (QLabel("Đợt"), self.occasion_choice, QLabel("hoặc ngày"), self.occasion,
                       self.badge_org, self.with_early):
            bar.addWidget(widget)
        bar.addStretch(1)
        summary_line = QHBoxLayout()
        summary_line.addWidget(self.badge_summary, 1)
        summary_line.addWidget(present)
        proposal = QPushButton("In tờ trình…")
        proposal.setToolTip("Tờ trình đề nghị Ban Thường vụ Tỉnh ủy tặng Huy hiệu Đảng đợt này")
        proposal.clicked.connect(lambda: print_badge_proposal(self, self._occasion_or_none()))
        summary_line.addWidget(proposal)
        self.candidates = BadgeCandidateModel(self)
        self.candidate_view = list_view(self.candidates)
        self.candidate_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        column_widths(self.candidate_view, (190, 90, 230, 95, 70, 120, 190))
        open_on_activate(self.candidate_view, self.present)
        self.presented = PresentedBadgeModel(self)
        self.presented_view = list_view(self.presented)
        column_widths(self.presented_view, (90, 190, 70, 120, 110, 110))
        remove = QPushButton("Xóa bản ghi trao tặng đã chọn")
        remove.clicked.connect(self.remove_badge)
        remove.setEnabled(may(WRITE_RECORDS))
        self.presented_label = QLabel()
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addLayout(summary_line)
        layout.addWidget(self.candidate_view, 3)
        under = QHBoxLayout()
        under.addWidget(self.presented_label)
        under.addStretch(1)
        under.addWidget(remove)
        layout.addLayout(under)
        layout.addWidget(self.presented_view, 2)
        return page

    def _occasion_or_none(self) -> date | None:
        try:
            return self.occasion.date()
        except ValidationError:
            return None

    def _pick_occasion(self, _index: int) -> None:
        self.occasion.set_date(self.occasion_choice.currentData())
        self.refresh_badges()

    def refresh_badges(self) -> Task | None:
        """The badge list weighs every member's seniority: off the UI thread."""
        day = self.occasion.date()
        if day is None:
            return None
        org_id, early = self.badge_org.org_id(), self.with_early.isChecked()
        return self.load_later("badges", lambda: (badge_list(day, org_id, early),
                                           badges_presented(date(day.year, 1, 1), date(day.year, 12, 31))),
                        lambda lists: self._show_badges(day, *lists))

    def _show_badges(self, day: date, rows: list, presented: list) -> None:
        self.candidates.set_rows(rows)
        early = sum(row.kind == EARLY for row in rows)
        by_milestone: dict[int, int] = {}
        for row in rows:
            if row.kind != EARLY:
                by_milestone[row.milestone] = by_milestone.get(row.milestone, 0) + 1
        counts = ", ".join(f"{count} huy hiệu {milestone} năm"
                           for milestone, count in sorted(by_milestone.items()))
        self.badge_summary.setText(
            f"Đợt {day:%d/%m/%Y}: {counts or 'không có ai đủ tuổi Đảng chưa được tặng'}"
            + (f"; {early} trường hợp có thể tặng sớm nếu ốm nặng (tô màu)." if early else "."))
        self.presented.set_rows(presented)
        self.presented_label.setText(f"Đã trao tặng trong năm {day.year}: {len(presented)} huy hiệu")

    def present(self) -> None:
        rows = sorted({index.row() for index in self.candidate_view.selectionModel().selectedRows()})
        chosen = [self.candidates.row_at(row) for row in rows]
        if not chosen:
            inform(self, "Chưa chọn", "Chọn một hay nhiều đảng viên trong danh sách (giữ Ctrl hoặc Shift).")
            return
        if BadgeDialog(chosen, self.occasion.date() or clock.today(), self).accepted_after_exec():
            self.refresh_badges()

    def remove_badge(self) -> None:
        index = self.presented_view.currentIndex()
        row = self.presented.row_at(index.row()) if index.isValid() else None
        if row is None or not confirm(self, "Xóa bản ghi", f"Xóa bản ghi trao Huy hiệu {row.milestone} năm "
                                      f"cho {row.full_name}?", yes="Xóa"):
            return
        try:
            remove_badge(row.id)
        except ValidationError as error:
            inform(self, "Không xóa được", error.message, warning=True)
        self.refresh_badges()

    def on_shown(self) -> None:
        self.badge_org.refresh()
        self.refresh_awards()
        self.refresh_proposals()
        self.refresh_badges()

    def show_part(self, part: str) -> None:
        if part == BADGES:
            self.tabs.setCurrentIndex(2)

    def save_layout(self) -> None:
        """Column widths are set on start; nothing else to remember."""
