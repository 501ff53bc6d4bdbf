"""The office's dues books: the shares the office sets, each organisation's quarter typed or
taken from accepted returns, what is still owed from quarter to quarter, and what the bloc
keeps and remits upward."""

from datetime import date

import pytest
from openpyxl import load_workbook

from models.accounts import session
from models.accounts.session import ADMIN, CLERK
from models.accounts.users import authenticate, create_user
from models.core.errors import Forbidden, ValidationError
from models.dues import (
    KEPT_TYPED,
    NOT_READY,
    SAME,
    TAKEN,
    UPDATED,
    dues_quarter,
    save_share,
    set_entry,
    share_on,
    take_from_returns,
)
from models.dues.tables import DuesEntry
from models.returns import vocab as r
from models.returns.intake import apply_intake, plan_intake
from models.returns.requests import create_request
from models.returns.status import decide
from models.returns.tables import GrassrootsReturn
from models.returns.workbooks import FIRST_ROW, SHEET, export_request_workbooks

PASSWORD = "mat-khau-du-dai-1"


@pytest.fixture
def books(bloc_tree, make_member):
    make_member(full_name="Lê Văn An")
    make_member(org=bloc_tree["small"], full_name="Trần Thị Bình")
    save_share(date(2025, 1, 1), 30, 50, rates="Cán bộ, công chức: 1% tiền lương")
    return bloc_tree


def _by_name(quarter):
    return {line.org_name: line for line in quarter.lines}


def test_what_is_owed_carries_from_quarter_to_quarter_with_the_share_in_force(books):
    base, small = books["base"].id, books["small"].id
    set_entry(base, 2025, 1, 1_000_000, 600_000, date(2025, 4, 10))
    save_share(date(2025, 4, 1), 40, 50)  # the rules changed from the second quarter
    set_entry(base, 2025, 2, "2.000.000", 1_300_000)
    set_entry(small, 2025, 2, 500_000, 300_000)
    first = _by_name(dues_quarter(2025, 1))
    base_line = first["Đảng bộ Sở Tài chính"]
    assert (base_line.owed, base_line.owed_after) == (700_000, 100_000)
    assert first["Chi bộ Sở Tư pháp"].entry_id is None
    second = dues_quarter(2025, 2)
    assert second.share.kept_percent == 40
    line = _by_name(second)["Đảng bộ Sở Tài chính"]
    assert (line.collected, line.kept, line.owed, line.owed_before, line.remitted, line.owed_after) == \
        (2_000_000, 800_000, 1_200_000, 100_000, 1_300_000, 0)
    assert (second.total("collected"), second.total("owed"), second.total("remitted")) == \
        (2_500_000, 1_500_000, 1_600_000)
    assert (second.bloc_kept, second.bloc_remits) == (800_000, 800_000)
    assert [line.org_name for line in second.owing] == []
    third = dues_quarter(2025, 3)  # nothing typed yet: the debt stays, nothing new is owed
    assert [(line.org_name, line.owed_after) for line in third.lines] == \
        [("Chi bộ Sở Tư pháp", 0), ("Đảng bộ Sở Tài chính", 0)]


def test_a_quarter_before_any_share_owes_nothing_the_books_can_count(books):
    set_entry(books["base"].id, 2024, 4, 1_000_000, 700_000)
    quarter = dues_quarter(2024, 4)
    assert quarter.share is None and share_on(date(2024, 12, 31)) is None
    assert _by_name(quarter)["Đảng bộ Sở Tài chính"].owed == 0


def test_bad_figures_are_refused_and_nothing_is_written(books):
    base = books["base"].id
    cases = [
        (lambda: set_entry(base, 2025, 1, 100, 200), "remitted", "lớn hơn số thu"),
        (lambda: set_entry(base, 2025, 1, -5, 0), "collected", "phải từ 0"),
        (lambda: set_entry(base, 2025, 1, "một triệu", 0), "collected", "không phải số nguyên"),
        # dots that do not group thousands were dropped: "1.5" was taken as fifteen đồng
        (lambda: set_entry(base, 2025, 1, "1.5", 0), "collected", "không phải số nguyên"),
        (lambda: set_entry(base, 2025, 5, 100, 0), "quarter", "Quý phải từ 1 đến 4"),
        (lambda: set_entry(base, 2100, 1, 100, 0), "quarter", "chưa bắt đầu"),
        (lambda: set_entry(books["cell_a"].id, 2025, 1, 100, 0), "org", "tổ chức cơ sở đảng"),
        (lambda: set_entry(base, 2025, 2, 100, 0, date(2025, 3, 31)), "remitted_on", "trước đầu quý"),
        (lambda: save_share(date(2025, 1, 1), 20, 50), "valid_from", "Đã có tỷ lệ áp dụng từ ngày 01/01"),
        (lambda: save_share(date(2025, 7, 1), 120, 50), "kept_percent", "phải từ 0 đến 100"),
        (lambda: save_share(None, 30, 50), "valid_from", "Nhập ngày"),
    ]
    for call, field, words in cases:
        with pytest.raises(ValidationError, match=words) as raised:
            call()
        assert raised.value.field == field
    assert DuesEntry.select().count() == 0


def test_a_clerk_limited_to_some_organisations_sees_and_writes_only_theirs(books):
    set_entry(books["small"].id, 2025, 1, 500_000, 350_000)
    admin = create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate(admin.username, PASSWORD)):
        create_user("coso", "Cán Bộ Cơ Sở", CLERK, PASSWORD, org_ids=[books["base"].id])
    with session.acting_as(authenticate("coso", PASSWORD)):
        assert [line.org_name for line in dues_quarter(2025, 1).lines] == ["Đảng bộ Sở Tài chính"]
        set_entry(books["base"].id, 2025, 1, 1_000_000, 700_000)
        with pytest.raises((ValidationError, Forbidden)):
            set_entry(books["small"].id, 2025, 1, 1, 0)
        with pytest.raises(ValidationError, match="không bị giới hạn tổ chức"):
            save_share(date(2025, 7, 1), 30, 50)


def _return(request, org_path, received: date, collected: int, remitted: int, accept: bool = True):
    book = load_workbook(org_path)
    sheet = book[SHEET]
    typed = {r.DUES_COLLECTED: collected, r.DUES_REMITTED: remitted, r.INSPECTIONS: 0, r.SUPERVISIONS: 0,
             r.DISCIPLINED: 0, r.RESIDENCE_COMMENTS: 0}
    for row in range(FIRST_ROW, sheet.max_row + 1):
        if sheet.cell(row=row, column=5).value in typed:
            sheet.cell(row=row, column=3).value = typed[sheet.cell(row=row, column=5).value]
    book.save(org_path)
    apply_intake(plan_intake([org_path], request.id, received_on=received))
    row = GrassrootsReturn.get(GrassrootsReturn.source_name == org_path.name)
    if accept:
        decide(row.id, accept=True)
    return row


def test_the_quarter_is_taken_from_accepted_returns_and_a_typed_figure_is_kept(books, tmp_path):
    base, small = books["base"].id, books["small"].id
    request = create_request(kind=r.QUARTER, year=2025, period=3, issued_on=date(2025, 7, 1))
    paths = {("base" if "tai-chinh" in p.name else "small"): p
             for p in export_request_workbooks(request.id, tmp_path / "quy")}
    _return(request, paths["base"], date(2025, 10, 6), 3_000_000, 2_100_000)
    _return(request, paths["small"], date(2025, 10, 7), 900_000, 630_000)
    set_entry(small, 2025, 3, 1_000_000, 700_000)  # typed from the organisation's receipt
    preview = take_from_returns(2025, 3, write=False)
    assert [(line.org_name, line.outcome) for line in preview] == \
        [("Chi bộ Sở Tư pháp", KEPT_TYPED), ("Đảng bộ Sở Tài chính", TAKEN)]
    assert "đã nhập thu 1.000.000 đ" in preview[0].detail and "Báo cáo quý III/2025" in preview[0].detail
    assert DuesEntry.select().count() == 1  # the preview wrote nothing
    take_from_returns(2025, 3)
    line = _by_name(dues_quarter(2025, 3))["Đảng bộ Sở Tài chính"]
    assert (line.collected, line.remitted, line.source) == (3_000_000, 2_100_000, "Báo cáo quý III/2025")
    assert [line.outcome for line in take_from_returns(2025, 3)] == [KEPT_TYPED, SAME]
    # The day it paid typed in later: the figures are still the return's.
    set_entry(base, 2025, 3, "3.000.000", "2.100.000", date(2025, 10, 20), "Nộp bằng chuyển khoản")
    assert _by_name(dues_quarter(2025, 3))["Đảng bộ Sở Tài chính"].source == "Báo cáo quý III/2025"
    # Sent back, corrected and accepted again: the taken figure follows the return.
    sent = GrassrootsReturn.get(GrassrootsReturn.org == base)
    decide(sent.id, accept=False, note="Số đảng phí thu thiếu tháng 9.")
    assert [line.outcome for line in take_from_returns(2025, 3, write=False)] == [KEPT_TYPED]
    _return(request, paths["base"], date(2025, 10, 9), 3_200_000, 2_240_000)
    assert [line.outcome for line in take_from_returns(2025, 3)] == [KEPT_TYPED, UPDATED]
    assert _by_name(dues_quarter(2025, 3))["Đảng bộ Sở Tài chính"].collected == 3_200_000


def test_monthly_returns_give_the_quarter_only_when_all_three_are_accepted(books, tmp_path):
    paths = {}
    for month in (7, 8, 9):
        request = create_request(kind=r.MONTH, year=2025, period=month, issued_on=date(2025, month, 1))
        paths[month] = request, next(p for p in export_request_workbooks(request.id, tmp_path / str(month))
                                     if "tai-chinh" in p.name)
    for month in (7, 8):
        _return(*paths[month], date(2025, month + 1, 3), 1_000_000, 700_000)
    (line,) = take_from_returns(2025, 3, write=False)
    assert (line.outcome, line.detail) == (NOT_READY, "thiếu báo cáo tháng 9 đã chấp nhận")
    _return(*paths[9], date(2025, 10, 3), 1_200_000, 840_000, accept=False)  # awaiting a decision
    assert take_from_returns(2025, 3)[0].outcome == NOT_READY
    decide(GrassrootsReturn.select().order_by(GrassrootsReturn.id.desc()).get().id, accept=True)
    (line,) = take_from_returns(2025, 3)
    assert (line.outcome, line.detail) == (TAKEN, "Báo cáo tháng 7, 8, 9/2025")
    taken = _by_name(dues_quarter(2025, 3))["Đảng bộ Sở Tài chính"]
    assert (taken.collected, taken.remitted) == (3_200_000, 2_240_000)
