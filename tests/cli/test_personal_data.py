"""A database that has accounts gives its records to signed-in users only, from the command
line too: export, backup, report and the rating workbooks ask for --user, and a viewer's
export is masked as the member form masks it (identity number, home town, residence)."""

from datetime import date

import pytest
from openpyxl import load_workbook

import main
from models.accounts import session
from models.accounts.session import ADMIN, VIEWER
from models.accounts.users import authenticate, create_user
from models.core.db import close_database
from models.members.record import member_fields, update_member

PASSWORD = "mat-khau-du-dai"


@pytest.fixture
def office(bloc_tree, make_member, db_location, monkeypatch):
    member = make_member(admitted=date(2010, 3, 1))
    update_member(member.id, {**member_fields(member), "identity_number": "001080012345",
                              "home_town": "Xã Yên Phong, tỉnh Bắc Ninh", "residence": "Số 5 phố Huế"})
    create_user("quantri", "Nguyễn Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("chixem", "Lê Chỉ Xem", VIEWER, PASSWORD)
    close_database()
    monkeypatch.setenv("DANGVU_PASSWORD", PASSWORD)
    return db_location


@pytest.fixture
def quarter_for_a_clerk(office, bloc_tree):
    """A clerk "thuky" limited to Chi bộ Sở Tư pháp, and a quarter's returns asked of the bloc."""
    from models.accounts.session import CLERK
    from models.core.db import open_database

    open_database(office)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("thuky", "Trần Thư Ký", CLERK, PASSWORD, org_ids=[bloc_tree["small"].id])
    close_database()
    assert main.main(["returns", "request", "--kind", "quarter", "--year", "2024", "--period", "1",
                      "--db", str(office), "--user", "quantri"]) == 0
    return "thuky"


@pytest.mark.parametrize("command", [
    ["export", "members", "-o", "{out}/ds.xlsx"],
    ["backup", "-o", "{out}/sao-luu.db"],
    ["report", "year-end", "--year", "2024", "-o", "{out}/bc.pdf"],
    ["ratings", "export", "--year", "2024", "-o", "{out}/mau"],
])
def test_without_a_user_nothing_leaves_the_database(office, tmp_path, capsys, command):
    out = tmp_path / "ra"
    out.mkdir()
    args = [part.format(out=out) for part in command]
    assert main.main([*args, "--db", str(office)]) == 1
    assert "--user" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_a_viewers_export_is_masked_as_the_form_is(office, tmp_path):
    target = tmp_path / "ds.xlsx"
    assert main.main(["export", "members", "--db", str(office), "-o", str(target), "--user", "chixem"]) == 0
    cells = {cell for row in load_workbook(target).active.iter_rows(values_only=True) for cell in row}
    assert "Nguyễn Văn Đức" in cells
    assert not cells & {"001080012345", "Xã Yên Phong, tỉnh Bắc Ninh", "Số 5 phố Huế"}


def test_an_administrators_export_is_whole(office, tmp_path):
    target = tmp_path / "ds.xlsx"
    assert main.main(["export", "members", "--db", str(office), "-o", str(target), "--user", "quantri"]) == 0
    cells = {cell for row in load_workbook(target).active.iter_rows(values_only=True) for cell in row}
    assert {"001080012345", "Xã Yên Phong, tỉnh Bắc Ninh", "Số 5 phố Huế"} <= cells


def test_a_clerk_limited_to_one_organisation_takes_out_only_its_members(office, bloc_tree, tmp_path, capsys):
    """Reported: `backup --user clerkx` held every member with home towns; `document
    phieu-dang-vien` and `trich-ngang` printed members of other organisations."""
    from models.accounts.session import CLERK
    from models.core.db import open_database
    from models.members.tables import Member

    open_database(office)
    with session.acting_as(authenticate("quantri", PASSWORD)):
        create_user("thuky", "Trần Thư Ký", CLERK, PASSWORD, org_ids=[bloc_tree["small"].id])
    other = Member.get().id  # in Chi bộ Phòng Ngân sách, outside the clerk's organisation
    close_database()
    for command in (["backup", "-o", str(tmp_path / "sao-luu.db")],
                    ["document", "phieu-dang-vien", "--for", str(other), "-o", str(tmp_path / "phieu.pdf")],
                    ["document", "trich-ngang", "--for", str(other), "-o", str(tmp_path / "tn.docx")]):
        assert main.main([*command, "--db", str(office), "--user", "thuky"]) == 1, command
        assert "Traceback" not in capsys.readouterr().err
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob("*.docx")) == []
    assert not (tmp_path / "sao-luu.db").exists()
    assert main.main(["document", "phieu-dang-vien", "--for", str(other), "-o", str(tmp_path / "phieu.pdf"),
                      "--db", str(office), "--user", "quantri"]) == 0


def test_every_paper_about_another_organisation_is_refused_to_a_limited_clerk(office, bloc_tree, tmp_path,
                                                                               capsys):
    """Found: a clerk limited to one organisation printed the admission decision (name, birth
    date, home town) of a person in another, and `minutes` of the bloc's committee meeting
    stopped with "Lỗi không lường trước: ."."""
    from models.accounts.session import CLERK
    from models.awards.awarding import create_award
    from models.core import vocab as v
    from models.core.db import open_database
    from models.inspections.cases import record_discipline
    from models.meetings.record import create_meeting
    from models.meetings.vocab import BCH_DUK, CHI_BO, THUONG_KY
    from models.members.events import record_event
    from models.members.tables import Member
    from tests.reports.test_papers_as_signed import _decided_case

    open_database(office)
    admin = authenticate("quantri", PASSWORD)
    with session.acting_as(admin):
        create_user("thuky", "Trần Thư Ký", CLERK, PASSWORD, org_ids=[bloc_tree["small"].id])
        other = Member.get()  # in Chi bộ Phòng Ngân sách, outside the clerk's organisation
        case = _decided_case(bloc_tree["cell_a"], "20-QĐ/ĐUK")
        moved = record_event(other.id, v.TRANSFER_OUT, date(2024, 9, 6), decision_no="15-GGT/ĐUK",
                             place="Đảng bộ Khối Doanh nghiệp tỉnh")
        punished = record_discipline("TO_CHUC", "KHIEN_TRACH", "Ban Thường vụ Đảng ủy Khối", "7-QĐ/ĐUK",
                                     date(2024, 5, 2), None, org_id=bloc_tree["cell_b"].id)
        award = create_award(recipient_kind=v.MEMBER_RECIPIENT, member_id=other.id, form="GIAY_KHEN",
                             issuer="Ban Thường vụ Đảng ủy Khối", decision_no="240-QĐ/ĐUK",
                             decision_date=date(2024, 1, 25))
        cell_meeting = create_meeting({"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY,
                                       "date": date(2024, 3, 5)})
        bloc_meeting = create_meeting({"body": BCH_DUK, "kind": "KHAC", "date": date(2024, 3, 5),
                                       "title": "Hội nghị chuyên đề chuyển đổi số"})
    close_database()
    out = tmp_path / "ra"
    out.mkdir()
    for command in (["document", "ket-nap", "--for", str(case.id)],
                    ["document", "gioi-thieu", "--for", str(moved.id)],
                    ["document", "ky-luat", "--for", str(punished.id)],
                    ["document", "khen-thuong", "--for", str(award.id)],
                    ["document", "giay-khen", "--for", str(award.id)],
                    ["document", "huy-hieu", "--for", "03/02/2025"],
                    ["minutes", str(cell_meeting.id)],
                    ["minutes", str(bloc_meeting.id)]):
        status = main.main([*command, "-o", str(out / "giay.pdf"), "--db", str(office), "--user", "thuky"])
        said = capsys.readouterr().err
        assert status == 1 and "Traceback" not in said and "không lường trước" not in said, (command, said)
        assert "tổ chức được giao" in said or "không bị giới hạn tổ chức" in said, (command, said)
    assert list(out.iterdir()) == []
    # The administrator prints them.
    assert main.main(["minutes", str(bloc_meeting.id), "-o", str(out / "bb.pdf"), "--db", str(office),
                      "--user", "quantri"]) == 0


def test_the_blocs_reports_and_letters_are_not_printed_by_a_limited_clerk(office, quarter_for_a_clerk,
                                                                           tmp_path, capsys):
    """Found: a clerk limited to one đảng bộ printed the bloc's year-end report with the bloc's
    headcount beside that đảng bộ's returns ("chấp nhận 3/3 báo cáo") and dues."""
    out = tmp_path / "ra"
    out.mkdir()
    for command in (["report", "year-end", "--year", "2024"], ["report", "half-year", "--year", "2024"],
                    ["dues", "report", "--year", "2024", "--quarter", "1"],
                    ["returns", "summary", "1"], ["returns", "letter", "1"]):
        status = main.main([*command, "-o", str(out / "vb.pdf"), "--db", str(office), "--user", "thuky"])
        said = capsys.readouterr().err
        assert status == 1 and "chỉ do người dùng không bị giới hạn tổ chức in" in said, (command, said)
    assert list(out.iterdir()) == []
    assert main.main(["report", "year-end", "--year", "2024", "-o", str(out / "bc.pdf"), "--db", str(office),
                      "--user", "quantri"]) == 0


def test_a_limited_clerk_naming_an_organisation_by_number_gets_a_reason(office, quarter_for_a_clerk,
                                                                         bloc_tree, capsys):
    """Found: `dues set 99999 …` by a limited clerk printed "Lỗi không lường trước" with the SQL
    query; `returns accept` of another organisation's return said it had not been sent."""
    capsys.readouterr()
    as_clerk = ["--db", str(office), "--user", "thuky"]
    cases = ((["dues", "set", "99999", "--year", "2024", "--quarter", "1", "--collected", "100",
               "--remitted", "50"], "Không tìm thấy tổ chức đảng số 99999."),
             (["returns", "accept", "1", "99999"], "Không tìm thấy tổ chức đảng số 99999."),
             (["returns", "accept", "1", str(bloc_tree["base"].id)], "không gồm “Đảng bộ Sở Tài chính”"))
    for command, reason in cases:
        assert main.main([*command, *as_clerk]) == 1
        said = capsys.readouterr().err
        assert reason in said and "không lường trước" not in said and "SELECT" not in said, (command, said)
