"""A request out to the grassroots organisations by workbook and back: prefilled from the records,
refused when it is not the workbook sent, compared with the records, accepted or sent back."""

import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook

from models.core import vocab as v
from models.core.errors import ValidationError
from models.meetings.record import create_meeting
from models.returns import vocab as r
from models.returns.intake import apply_intake, gathered, plan_intake, report_copy
from models.returns.requests import create_request, working_days_between
from models.returns.status import LATE, MISSING, ON_TIME, OVERDUE, decide, late_orgs, reminders, status_rows
from models.returns.tables import GrassrootsReturn, ReturnRequest
from models.returns.workbooks import FIRST_ROW, SHEET, export_request_workbooks
from tests.ods import save_as_ods

Q3 = dict(kind=r.QUARTER, year=2025, period=3, issued_on=date(2025, 7, 1))


def _value_row(sheet, key: str) -> int:
    return next(row for row in range(FIRST_ROW, sheet.max_row + 1)
                if sheet.cell(row=row, column=5).value == key)


def _fill(path, **values):
    book = load_workbook(path)
    sheet = book[SHEET]
    for key, value in values.items():
        sheet.cell(row=_value_row(sheet, key), column=3).value = value
    book.save(path)


@pytest.fixture
def quarter(bloc_tree, make_member, tmp_path):
    for name in ("Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"):
        make_member(full_name=name, admitted=date(2010, 1, 1))
    make_member(org=bloc_tree["small"], full_name="Hoàng Văn Dũng", admitted=date(2025, 8, 15))
    create_meeting({"body": "CHI_BO", "org_id": bloc_tree["small"].id, "kind": "THUONG_KY",
                    "date": date(2025, 8, 5), "title": "Sinh hoạt chi bộ tháng 8"})
    request = create_request(**Q3, due_on=date(2025, 10, 10))
    paths = export_request_workbooks(request.id, tmp_path / "gui-di")
    by_org = {("tai-chinh" if "tai-chinh" in path.name else "tu-phap"): path for path in paths}
    return request, by_org


def test_workbooks_go_out_prefilled_with_what_the_bloc_knows(quarter):
    request, by_org = quarter
    assert len(by_org) == 2
    sheet = load_workbook(by_org["tu-phap"])[SHEET]
    assert sheet["A2"].value == "Chi bộ Sở Tư pháp"
    assert sheet.cell(row=_value_row(sheet, r.HEADCOUNT), column=3).value == 1
    assert sheet.cell(row=_value_row(sheet, r.ADMITTED), column=3).value == 1
    assert sheet.cell(row=_value_row(sheet, r.REGULAR_MEETINGS), column=3).value == 1
    assert sheet.cell(row=_value_row(sheet, r.DUES_COLLECTED), column=3).value is None
    base = load_workbook(by_org["tai-chinh"])[SHEET]
    assert base.cell(row=_value_row(base, r.HEADCOUNT), column=3).value == 3


def test_a_return_comes_back_compared_and_is_accepted(quarter, tmp_path):
    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu=1_200_000, dang_phi_nop=360_000, kiem_tra=1, giam_sat=0, ky_luat=0,
          nhan_xet_cu_tru=1, ket_qua="Hoàn thành tốt nhiệm vụ quý.")
    report = by_org["tu-phap"].with_suffix(".pdf")
    report.write_bytes(b"%PDF-1.4\n% bao cao quy III\n")
    with gathered(by_org["tu-phap"].parent) as files:
        plan = plan_intake(files, request.id, received_on=date(2025, 10, 9))
    mine = next(line for line in plan.lines if "tu-phap" in line.name)
    assert mine.readable and mine.differences == [] and mine.late_days == 0 and mine.report == report
    assert plan.ignored == []  # the report went with its workbook: not "passed over"
    other = next(line for line in plan.lines if "tai-chinh" in line.name)
    assert not other.readable  # dues and inspections left blank
    assert "Dòng" in other.found.problems[0] and "chưa điền" in other.found.problems[0]
    assert GrassrootsReturn.select().count() == 0  # the dry run writes nothing
    assert apply_intake(plan) == 1
    row = GrassrootsReturn.get()
    assert row.state == r.RECEIVED and row.report_name == report.name
    assert report_copy(row.id, tmp_path / "mo").read_bytes() == report.read_bytes()
    decide(row.id, accept=True)
    rows = status_rows(request.id, date(2025, 10, 20))
    standing = {line.org_name: (line.standing, line.state) for line in rows}
    assert standing == {"Chi bộ Sở Tư pháp": (ON_TIME, r.ACCEPTED), "Đảng bộ Sở Tài chính": (OVERDUE, "")}
    assert [line.org_name for line in late_orgs(request.id, date(2025, 10, 20))] == ["Đảng bộ Sở Tài chính"]
    assert status_rows(request.id, date(2025, 10, 1))[1].standing == MISSING  # not due yet


def test_figures_typed_as_a_clerk_types_them_are_read(quarter):
    """Dues typed as text with dots and their unit (a cell formatted as text, or a workbook saved
    again by LibreOffice) were refused as "không phải số nguyên"."""
    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu="1.200.000 đồng", dang_phi_nop="360.000đ", kiem_tra=" 1 ",
          giam_sat=0, ky_luat=0, nhan_xet_cu_tru=1, ket_qua="Hoàn thành tốt nhiệm vụ quý.")
    plan = plan_intake([by_org["tu-phap"]], request.id, received_on=date(2025, 10, 9))
    line = plan.lines[0]
    assert line.readable, line.found.problems
    figures = line.found.figures
    assert figures[r.DUES_COLLECTED] == 1_200_000 and figures[r.DUES_REMITTED] == 360_000


def test_a_return_saved_by_libreoffice_as_ods_is_read_and_an_old_xls_is_named(quarter, tmp_path):
    """LibreOffice Calc saves as .ods unless told otherwise; such a return was passed over as "not a
    workbook", and an old .xls the same, with nothing said of how to send it again."""
    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu=1_200_000, dang_phi_nop=360_000, kiem_tra=1, giam_sat=0, ky_luat=0,
          nhan_xet_cu_tru=1, ket_qua="Hoàn thành tốt nhiệm vụ quý.")
    folder = tmp_path / "gui-ve"
    folder.mkdir()
    save_as_ods(by_org["tu-phap"], folder / "tu-phap.ods")
    # The lock files Excel and LibreOffice leave beside an open file are neither read nor listed.
    (folder / "~$tu-phap.xlsx").write_bytes(b"lock")
    (folder / ".~lock.tu-phap.ods#").write_bytes(b"lock")
    (folder / "tai-chinh.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with gathered(folder) as files:
        plan = plan_intake(files, request.id, received_on=date(2025, 10, 9))
    lines = {line.name: line for line in plan.lines}
    assert lines["tu-phap.ods"].readable and lines["tu-phap.ods"].found.figures[r.DUES_REMITTED] == 360_000
    assert "định dạng Excel cũ (.xls)" in lines["tai-chinh.xls"].refused and plan.ignored == []
    assert apply_intake(plan) == 1


def test_a_wrong_headcount_is_shown_beside_the_records_and_sent_back(quarter):
    request, by_org = quarter
    _fill(by_org["tai-chinh"], dang_vien_cuoi_ky=5, dang_phi_thu=0, dang_phi_nop=0, kiem_tra=0, giam_sat=0,
          ky_luat=0, nhan_xet_cu_tru=0)
    plan = plan_intake([by_org["tai-chinh"]], received_on=date(2025, 10, 15))
    (line,) = plan.lines
    shown = [(d.label, d.reported, d.recorded) for d in line.differences]
    assert shown == [("Tổng số đảng viên cuối kỳ", 5, 3)]
    assert line.late_days == working_days_between(date(2025, 10, 10), date(2025, 10, 15)) == 3
    apply_intake(plan)
    row = GrassrootsReturn.get()
    (status,) = [s for s in status_rows(request.id, date(2025, 10, 15)) if s.return_id == row.id]
    assert (status.standing, status.late_days, status.differences) == (LATE, 3, 1)
    with pytest.raises(ValidationError, match="ghi rõ cần sửa gì"):
        decide(row.id, accept=False)
    decide(row.id, accept=False, note="Số đảng viên cuối kỳ là 3, không phải 5.")
    assert "Đảng bộ Sở Tài chính" in [s.org_name for s in late_orgs(request.id, date(2025, 10, 20))]
    texts = [item.text() for item in reminders(date(2025, 10, 20))]
    # Counted as the request's page counts them (the home page said "2 quá hạn chưa gửi" where
    # the page said "quá hạn chưa gửi 1; trả lại 1").
    assert texts == ["Báo cáo quý III năm 2025: 1 tổ chức quá hạn chưa gửi, 1 báo cáo trả lại chờ gửi lại"]
    # Sent again, corrected: the same return, received again and awaiting a decision.
    _fill(by_org["tai-chinh"], dang_vien_cuoi_ky=3)
    plan = plan_intake([by_org["tai-chinh"]], received_on=date(2025, 10, 21))
    assert plan.lines[0].replaces == "Trả lại để sửa" and plan.lines[0].differences == []
    apply_intake(plan)
    assert GrassrootsReturn.select().count() == 1 and GrassrootsReturn.get().state == r.RECEIVED


def test_workbooks_that_are_not_the_one_sent_are_refused(quarter, tmp_path, bloc_tree):
    request, by_org = quarter
    other = create_request(kind=r.MONTH, year=2025, period=9, issued_on=date(2025, 9, 1))
    (september,) = [p for p in export_request_workbooks(other.id, tmp_path / "thang") if "tu-phap" in p.name]
    plan = plan_intake([september], request.id, received_on=date(2025, 10, 9))
    assert "là mẫu của yêu cầu số" in plan.lines[0].refused
    # Another organisation's identity typed into the line: the checksum no longer matches.
    book = load_workbook(by_org["tu-phap"])
    line = book[SHEET]["A3"].value
    small, base = bloc_tree["small"].id, bloc_tree["base"].id
    book[SHEET]["A3"].value = line.replace(f"Mã tổ chức: {small}", f"Mã tổ chức: {base}")
    book.save(tmp_path / "doi-ma.xlsx")
    # A line of the frame renamed.
    _fill(by_org["tai-chinh"], dang_phi_thu=0)
    book = load_workbook(by_org["tai-chinh"])
    book[SHEET].cell(row=_value_row(book[SHEET], r.HEADCOUNT), column=2).value = "Tổng số đảng viên"
    book.save(tmp_path / "sua-khung.xlsx")
    (tmp_path / "khong-phai.xlsx").write_bytes(b"not a workbook")
    plan = plan_intake([tmp_path / "doi-ma.xlsx", tmp_path / "sua-khung.xlsx", tmp_path / "khong-phai.xlsx"],
                       request.id, received_on=date(2025, 10, 9))
    refusals = [line.refused for line in plan.lines]
    assert "mã khung không khớp" in refusals[0]
    assert "khung mẫu đã bị sửa ở dòng 7" in refusals[1]
    assert "không phải bảng tính Excel" in refusals[2]
    # The line names its file; the reason does not again ("X.xlsx: không nhận — X.xlsx: …").
    assert not any(line.refused.startswith(line.name) for line in plan.lines)
    assert apply_intake(plan) == 0 and GrassrootsReturn.select().count() == 0


def test_a_zip_bomb_and_paths_out_of_the_folder_are_refused(quarter, tmp_path):
    request, by_org = quarter
    bomb = tmp_path / "bom.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("bao-cao.xlsx", b"\0" * (70 * 1024 * 1024))
    with pytest.raises(ValidationError, match="lớn bất thường"):
        with gathered(bomb):
            pass
    bundle = tmp_path / "gui-ve.zip"
    with zipfile.ZipFile(bundle, "w") as package:
        package.write(by_org["tu-phap"], "../../" + by_org["tu-phap"].name)
        package.writestr("ghi-chu.txt", "xin gửi")
    with gathered(bundle) as files:
        assert [path.name for path in files] == [by_org["tu-phap"].name]
        assert all(tmp_path not in path.parents for path in files)
        plan = plan_intake(files, request.id, received_on=date(2025, 10, 9))
    assert plan.lines[0].found.org_name == "Chi bộ Sở Tư pháp"


def test_an_accepted_return_is_not_overwritten_and_a_request_needs_a_period(quarter):
    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu=0, dang_phi_nop=0, kiem_tra=0, giam_sat=0, ky_luat=0,
          nhan_xet_cu_tru=0)
    apply_intake(plan_intake([by_org["tu-phap"]], received_on=date(2025, 10, 9)))
    decide(GrassrootsReturn.get().id, accept=True)
    plan = plan_intake([by_org["tu-phap"]], received_on=date(2025, 10, 12))
    assert "đã được chấp nhận" in plan.lines[0].refused
    with pytest.raises(ValidationError, match="Đã có yêu cầu"):
        create_request(**Q3)
    with pytest.raises(ValidationError, match="đột xuất"):
        create_request(kind=r.AD_HOC, year=2025, issued_on=date(2025, 7, 1), title="Báo cáo bão số 3")
    with pytest.raises(ValidationError, match="Quý phải từ 1 đến 4"):
        create_request(kind=r.QUARTER, year=2025, period=5, issued_on=date(2025, 7, 1))


def test_a_deadline_before_the_period_begins_or_a_year_beside_the_period_is_refused(bloc_tree):
    """Typed on 02/01/2027: a request for quarter II of 2027 due 01/03/2027 was created, a deadline
    a month before the quarter begins, and an ad hoc report of 2026 covering 01–05/01/2027. A
    deadline within the period stays possible (a monthly report due on the 20th). The same
    days a year earlier, so the clock of any test run has passed them."""
    early = r"Hạn gửi \(01/03/2025\) ở trước đầu kỳ báo cáo \(01/04/2025\)"
    with pytest.raises(ValidationError, match=early):
        create_request(kind=r.QUARTER, year=2025, period=2, issued_on=date(2025, 1, 2),
                       due_on=date(2025, 3, 1))
    with pytest.raises(ValidationError, match="Kỳ báo cáo 01/01/2025–05/01/2025 không thuộc năm 2024"):
        create_request(kind=r.AD_HOC, year=2024, issued_on=date(2025, 1, 2), title="Báo cáo Y",
                       start=date(2025, 1, 1), end=date(2025, 1, 5))
    assert not ReturnRequest.select().exists()
    monthly = create_request(kind=r.MONTH, year=2025, period=1, issued_on=date(2025, 1, 2),
                             due_on=date(2025, 1, 20))
    assert (monthly.period_end, monthly.due_on) == (date(2025, 1, 31), date(2025, 1, 20))


def test_the_deadline_is_counted_in_working_days():
    # Quarter III of 2025 ends on Tuesday 30/9; five working days later is Tuesday 7/10.
    request_day = date(2025, 9, 30)
    from models.core.workdays import add_working_days

    assert add_working_days(request_day, 5) == date(2025, 10, 7)
    # 2/9 (Quốc khánh) and the day given with it are not working days.
    assert working_days_between(date(2025, 8, 29), date(2025, 9, 3)) == 1


def test_a_clerk_limited_to_one_organisation_sees_and_brings_only_its_returns(quarter, bloc_tree):
    from models.accounts.session import CLERK, Actor, acting_as

    request, by_org = quarter
    clerk = Actor(5, "cbtuphap", "Cán bộ Tư pháp", CLERK, frozenset({bloc_tree["small"].id}))
    with acting_as(clerk):
        assert [row.org_name for row in status_rows(request.id, date(2025, 10, 1))] == ["Chi bộ Sở Tư pháp"]
        plan = plan_intake([by_org["tai-chinh"]], received_on=date(2025, 10, 9))
        assert "không được giao" in plan.lines[0].refused
        with pytest.raises(Exception, match="Yêu cầu báo cáo chỉ do người dùng không bị giới hạn"):
            create_request(kind=r.MONTH, year=2025, period=10, issued_on=date(2025, 10, 1))
    assert v.CBCS  # the tree's levels are the ones the fixture built


def test_every_write_of_the_exchange_is_in_the_trail(quarter, tmp_path):
    """Request, returns brought back (with a report), a decision, a deleted request: replaying
    the trail gives each row as stored, so `check` finds nothing."""
    from models.returns.requests import delete_request
    from models.returns.tables import ReturnAddressee, ReturnRequest
    from models.storage.trail_replay import table_differences

    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu=0, dang_phi_nop=0, kiem_tra=0, giam_sat=0, ky_luat=0,
          nhan_xet_cu_tru=0)
    by_org["tu-phap"].with_suffix(".pdf").write_bytes(b"%PDF-1.4\n")
    with gathered(by_org["tu-phap"].parent) as files:
        apply_intake(plan_intake(files, received_on=date(2025, 10, 9)))
    decide(GrassrootsReturn.get().id, accept=False, note="Bổ sung số liệu.")
    spare = create_request(kind=r.MONTH, year=2025, period=9, issued_on=date(2025, 9, 1))
    delete_request(spare.id)
    for model in (ReturnRequest, ReturnAddressee, GrassrootsReturn):
        assert list(table_differences(model)) == [], model
    with pytest.raises(ValidationError, match="Đã nhận 1 báo cáo"):
        delete_request(request.id)


def test_an_attached_report_changed_behind_the_programs_back_is_found_by_check(quarter):
    from models.returns.tables import ReturnReportContent
    from models.storage.attachments_check import attachment_findings

    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu=0, dang_phi_nop=0, kiem_tra=0, giam_sat=0, ky_luat=0,
          nhan_xet_cu_tru=0)
    by_org["tu-phap"].with_suffix(".pdf").write_bytes(b"%PDF-1.4\n% bao cao\n")
    with gathered(by_org["tu-phap"].parent) as files:
        apply_intake(plan_intake(files, received_on=date(2025, 10, 9)))
    assert attachment_findings() == ([], [])
    ReturnReportContent.update(content=b"%PDF-1.4\n% bao cao khac\n").execute()
    problems, _notes = attachment_findings()
    assert problems == ["Báo cáo của tổ chức cơ sở: báo cáo kèm theo khác với khi nhận (đã bị thay ngoài "
                        f"phần mềm) — mã {GrassrootsReturn.get().id}."]
    ReturnReportContent.delete().execute()
    assert "báo cáo kèm theo không còn" in attachment_findings()[0][0]


def test_a_part_above_its_whole_is_not_taken_in(quarter):
    """Reported: "Trong đó: đảng viên dự bị 50" beside a headcount of 16 came in, said only as a
    difference with the records."""
    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_vien_cuoi_ky=16, du_bi_cuoi_ky=50, dang_phi_thu=0, dang_phi_nop=0,
          kiem_tra=0, giam_sat=0, ky_luat=0, nhan_xet_cu_tru=0)
    with gathered(by_org["tu-phap"].parent) as files:
        plan = plan_intake(files, request.id, received_on=date(2025, 10, 9))
    mine = next(line for line in plan.lines if "tu-phap" in line.name)
    assert not mine.readable
    assert mine.found.problems == ["Dòng 8 (Trong đó: đảng viên dự bị): 50, nhiều hơn dòng 7 (tổng số đảng "
                                   "viên cuối kỳ: 16)."]


def test_a_figure_left_as_an_uncomputed_formula_says_so(quarter):
    """Reported as left out: a return filled by a script with formulas and saved without their
    results read as "chưa điền", though the clerk had typed a formula there."""
    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu="=1200000", dang_phi_nop=360_000, kiem_tra=1, giam_sat=0,
          ky_luat=0, nhan_xet_cu_tru=1)
    with gathered(by_org["tu-phap"].parent) as files:
        plan = plan_intake(files, request.id, received_on=date(2025, 10, 9))
    mine = next(line for line in plan.lines if "tu-phap" in line.name)
    (problem,) = mine.found.problems
    assert "Đảng phí thu được" in problem and "công thức" in problem and "chưa điền" not in problem


def test_a_paper_dated_before_a_return_came_does_not_count_it(quarter):
    """`returns summary 3 --date 01/08/2026` printed "Đến ngày 01/08/2026, có 12/12 tổ chức cơ sở
    đảng gửi báo cáo (11 gửi đúng hạn)" for a quarter whose returns came in October: a return
    received after the day a paper is dated is not yet there on that day."""
    from reports.returns_figures import returns_summary

    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu=1_200_000, dang_phi_nop=360_000, kiem_tra=1, giam_sat=0, ky_luat=0,
          nhan_xet_cu_tru=1, ket_qua="Hoàn thành tốt nhiệm vụ quý.")
    apply_intake(plan_intake([by_org["tu-phap"]], request.id, received_on=date(2025, 10, 9)))
    decide(GrassrootsReturn.get().id, accept=True)
    before = {line.org_name: line.standing for line in status_rows(request.id, date(2025, 10, 5))}
    assert before == {"Chi bộ Sở Tư pháp": MISSING, "Đảng bộ Sở Tài chính": MISSING}
    early = returns_summary(request.id, date(2025, 8, 1))
    assert (early.received, early.on_time, early.accepted) == (0, 0, 0)
    assert early.lines[r.DUES_COLLECTED].total == 0
    after = returns_summary(request.id, date(2025, 10, 9))
    assert (after.received, after.accepted, after.lines[r.DUES_COLLECTED].total) == (1, 1, 1_200_000)


def test_a_summary_with_nothing_accepted_is_not_printed(quarter, tmp_path):
    """A summary of quarter IV dated 02/10, the quarter's second day, printed "có 0/12 tổ chức cơ
    sở đảng gửi báo cáo (0 tổ chức gửi đúng hạn); 0 báo cáo đã được chấp nhận và được tổng hợp
    dưới đây." over an empty page and an annex of blank rows."""
    from reports.returns_papers import print_summary

    request, _by_org = quarter
    with pytest.raises(ValidationError, match="chưa có báo cáo nào được chấp nhận"):
        print_summary(tmp_path / "th.pdf", request.id, date(2025, 10, 2), date(2025, 10, 2), False)
    assert not (tmp_path / "th.pdf").exists()


def test_what_windows_and_a_mac_leave_in_a_folder_or_zip_is_neither_read_nor_listed(quarter, tmp_path):
    """A .zip made on a Mac carries "__MACOSX/._tu-phap.xlsx" beside each workbook, which was read as
    a broken workbook and refused; Thumbs.db and desktop.ini were listed as files passed over."""
    request, by_org = quarter
    _fill(by_org["tu-phap"], dang_phi_thu=1_200_000, dang_phi_nop=360_000, kiem_tra=1, giam_sat=0, ky_luat=0,
          nhan_xet_cu_tru=1, ket_qua="Hoàn thành tốt nhiệm vụ quý.")
    folder = by_org["tu-phap"].parent
    for clutter in ("Thumbs.db", "desktop.ini", ".DS_Store", "._tu-phap.xlsx"):
        (folder / clutter).write_bytes(b"\x00\x05\x16\x07 clutter")
    with gathered(folder) as files:
        plan = plan_intake(files, request.id, received_on=date(2025, 10, 9))
    assert sorted(line.name for line in plan.lines) == sorted(path.name for path in by_org.values())
    assert plan.ignored == []
    archive = tmp_path / "bao-cao.zip"
    with zipfile.ZipFile(archive, "w") as package:
        package.write(by_org["tu-phap"], "bao-cao/tu-phap.xlsx")
        package.writestr("__MACOSX/bao-cao/._tu-phap.xlsx", b"\x00\x05\x16\x07 resource fork")
        package.writestr("bao-cao/.DS_Store", b"\x00\x00\x00\x01Bud1")
    with gathered(archive) as files:
        plan = plan_intake(files, request.id, received_on=date(2025, 10, 9))
    assert [line.name for line in plan.lines] == ["tu-phap.xlsx"] and plan.lines[0].readable
    assert plan.ignored == []
