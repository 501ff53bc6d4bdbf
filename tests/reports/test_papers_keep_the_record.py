"""A decision printed from a record carries the record's facts, on a tree with an intermediate
committee and on decisions entered after they were signed (found trying papers on data unlike
the demo's): one act, one day — the record's decision date is the paper's and the register's —
and every cell named so that two cells of one name under one đảng bộ are told apart."""

from datetime import date

import pytest

import main
from models.admissions.cases import get_case
from models.awards.awarding import create_award
from models.core import vocab as v
from models.documents.tables import OutgoingDocument
from models.inspections.cases import record_discipline
from models.inspections.vocab import DANG_VIEN
from models.members.events import create_member, record_event
from models.orgs.changes import create_org
from tests.conftest import person
from tests.reports import test_papers_as_signed as signed
from tests.reports.test_papers import pdf_text
from tests.reports.test_papers_as_signed import _decided_case, texts

office = signed.office  # the bloc with its office's details, as the other papers' tests have it


def _refused(db, tmp_path, kind: str, record, *extra: str) -> None:
    out = tmp_path / f"bi-tu-choi-{kind}.pdf"
    before = [(d.number, d.issued_on) for d in OutgoingDocument.select()]
    assert main.main(["document", kind, "--for", str(record), "--db", str(db.database), "-o", str(out),
                      *extra]) == 1
    assert not out.exists() and [(d.number, d.issued_on) for d in OutgoingDocument.select()] == before


def test_an_admission_decision_carries_the_day_its_record_gives(db, office, tmp_path, capsys):
    """Found: a case decided 08/04/2024 as 20-QĐ/ĐUK, issued without a date, printed "ngày 06
    tháng 12 năm 2026" and entered the register on that day."""
    case = _decided_case(office["small"], "20-QĐ/ĐUK")
    for text in texts(db, tmp_path, "ket-nap", case.id):  # the draft too
        assert "Hạ Long, ngày 08 tháng 4 năm 2024" in text
    other = _decided_case(office["cell_a"], "21-QĐ/ĐUK")  # decided 08/04/2024 too
    _refused(db, tmp_path, "ket-nap", other.id, "--issue", "--date", "09/04/2024")
    assert "ngày 08/04/2024" in capsys.readouterr().err  # the record's day is named
    for text in texts(db, tmp_path, "ket-nap", case.id, "--issue"):
        assert "Số 20-QĐ/ĐUK" in text and "Hạ Long, ngày 08 tháng 4 năm 2024" in text
    texts(db, tmp_path, "ket-nap", other.id, "--issue", "--date", "08/04/2024")  # the same day: taken
    assert [(d.number, d.issued_on) for d in OutgoingDocument.select().order_by(OutgoingDocument.number)] == [
        (20, date(2024, 4, 8)), (21, date(2024, 4, 8))]


def test_a_discipline_and_an_award_typed_after_signing_print_as_signed(db, office, tmp_path):
    member = create_member(person(), {"kind": v.ADMITTED, "date": date(2010, 3, 1),
                                      "org_id": office["small"].id})
    discipline = record_discipline(DANG_VIEN, "KHIEN_TRACH",
                      "Ban Thường vụ Đảng ủy Khối", "07-QĐ/ĐUK", date(2025, 6, 3), None,
                      member_id=member.id, note="vi phạm quy định về sinh hoạt đảng")
    for text in texts(db, tmp_path, "ky-luat", discipline.id, "--issue"):
        assert "Số 07-QĐ/ĐUK" in text and "Hạ Long, ngày 03 tháng 6 năm 2025" in text
    award = create_award(recipient_kind=v.MEMBER_RECIPIENT, member_id=member.id, form="GIAY_KHEN",
                         issuer="Ban Thường vụ Đảng ủy Khối",
                         campaign="hoàn thành xuất sắc nhiệm vụ năm 2025",
                         decision_no="12-QĐ/ĐUK", decision_date=date(2026, 1, 5))
    _refused(db, tmp_path, "khen-thuong", award.id, "--issue", "--date", "06/01/2026")
    early = tmp_path / "giay-khen-truoc.pdf"  # entered from the signed decision: quoted as entered
    assert main.main(["document", "giay-khen", "--for", str(award.id), "--db", str(db.database), "-o",
                      str(early)]) == 0
    assert "Quyết định số 12-QĐ/ĐUK, ngày 05/01/2026." in pdf_text(early)
    for text in texts(db, tmp_path, "khen-thuong", award.id, "--issue"):
        assert "Số 12-QĐ/ĐUK" in text and "Hạ Long, ngày 05 tháng 01 năm 2026" in text
    certificates = tmp_path / "giay-khen.pdf"
    assert main.main(["document", "giay-khen", "--for", str(award.id), "--db", str(db.database), "-o",
                      str(certificates)]) == 0
    assert "Quyết định số 12-QĐ/ĐUK, ngày 05/01/2026." in pdf_text(certificates)


@pytest.fixture
def twin_cells(office):
    """Two cells called "Chi bộ 1", each under its own intermediate committee of one đảng bộ."""
    base = office["base"]
    plans = create_org(name="Đảng bộ bộ phận Phòng Kế hoạch", level=v.DBBP, parent_id=base.id)
    prices = create_org(name="Đảng bộ bộ phận Phòng Quản lý giá", level=v.DBBP, parent_id=base.id)
    return (create_org(name="Chi bộ 1", level=v.CBTT, parent_id=plans.id),
            create_org(name="Chi bộ 1", level=v.CBTT, parent_id=prices.id))


def test_two_cells_of_one_name_under_one_dang_bo_are_told_apart_on_paper(db, twin_cells, tmp_path):
    """Found: both printed "sinh hoạt tại Chi bộ 1, Đảng bộ Sở Tài chính"; the admission
    decision's Điều 3 named "Đảng bộ Sở Tài chính, Chi bộ 1" for either."""
    first, second = twin_cells
    member = create_member(person(birth_date=date(1985, 3, 5), home_town="Xã Yên Đức",
                                  admission_date=date(2024, 1, 2), ceremony_date=date(2024, 1, 8)),
                           {"kind": v.ADMITTED, "date": date(2024, 1, 2), "org_id": first.id})
    member_discipline = record_discipline(DANG_VIEN, "KHIEN_TRACH", "Ban Thường vụ Đảng ủy Khối", "08-QĐ/ĐUK",
                                          date(2024, 5, 2), None, member_id=member.id, note="vi phạm")
    moved = record_event(member.id, v.TRANSFER_OUT, date(2024, 9, 6), place="Đảng bộ Khối Doanh nghiệp tỉnh",
                         decision_no="15-GGT/ĐUK")
    where = "Chi bộ 1, Đảng bộ bộ phận Phòng Kế hoạch, Đảng bộ Sở Tài chính"
    for text in texts(db, tmp_path, "gioi-thieu", moved.id):
        assert f"sinh hoạt tại {where}." in text
    for text in texts(db, tmp_path, "phieu-dang-vien", member.id):
        assert f"Sinh hoạt tại {where}" in text
    for text in texts(db, tmp_path, "trich-ngang", member.id):  # reported: the bare "Chi bộ 1"
        assert where in text
    for text in texts(db, tmp_path, "ky-luat", member_discipline.id):  # found: "dự bị Chi bộ 1, vì"
        assert f"đảng viên dự bị {where}, vì" in text
    cell_discipline = record_discipline("TO_CHUC", "KHIEN_TRACH", "Ban Thường vụ Đảng ủy Khối", "09-QĐ/ĐUK",
                                        date(2025, 3, 4), None, org_id=second.id, note="vi phạm")
    for text in texts(db, tmp_path, "ky-luat", cell_discipline.id):  # reported: "đối với Chi bộ 1"
        assert "Chi bộ 1, Đảng bộ bộ phận Phòng Quản lý giá, Đảng bộ Sở Tài chính" in text
    case = _decided_case(second, "20-QĐ/ĐUK")
    for text in texts(db, tmp_path, "ket-nap", case.id):
        assert ("Ban Tổ chức Đảng ủy, Đảng bộ Sở Tài chính, Đảng bộ bộ phận Phòng Quản lý giá, Chi bộ 1 và "
                "quần chúng Lý Thị Hạnh chịu trách nhiệm") in text


def test_a_decision_for_several_names_each_cell_whole_in_its_list(db, twin_cells, tmp_path):
    first, second = twin_cells
    cases = [_decided_case(cell, "22-QĐ/ĐUK") for cell in twin_cells]  # one decision, both listed
    ids = ",".join(str(case.id) for case in cases)
    for text in texts(db, tmp_path, "ket-nap", ids):
        assert text.count("Đảng bộ bộ phận Phòng Kế hoạch") == 1
        assert text.count("Đảng bộ bộ phận Phòng Quản lý giá") == 1


def test_a_decision_issued_before_its_step_is_entered_gives_the_step_its_number_and_day(db, office, tmp_path):
    """Found: a decision printed and numbered from a case (01-QĐ/ĐUK, 10/04/2024) before the
    clerk entered the decision step, which then took any other number and day."""
    from models.core.errors import ValidationError
    from models.documents import record_step_as_issued as record_step

    case = _decided_case(office["small"], None)  # through the đảng bộ's resolution
    texts(db, tmp_path, "ket-nap", case.id, "--issue", "--date", "10/04/2024")
    for typed, on in (("02-QĐ/ĐUK", date(2024, 4, 10)), ("01-QĐ/ĐUK", date(2024, 4, 11))):
        with pytest.raises(ValidationError) as said:
            record_step(case.id, "decision", {"decision_no": typed, "decision_date": on})
        assert "đã ban hành số 01-QĐ/ĐUK ngày 10/04/2024" in said.value.message
    record_step(case.id, "decision", {"decision_no": "1-QĐ/ĐUK", "decision_date": date(2024, 4, 10)})


def test_a_record_named_twice_is_refused_not_printed_as_two_people(db, office, tmp_path, capsys):
    """Found: `--for 5,5` printed "Kết nạp 02 quần chúng có tên trong danh sách" listing one
    person twice."""
    case = _decided_case(office["small"], "20-QĐ/ĐUK")
    member = create_member(person(), {"kind": v.ADMITTED, "date": date(2010, 3, 1),
                                      "org_id": office["small"].id})
    for kind, record in (("ket-nap", case.id), ("trich-ngang", member.id)):
        _refused(db, tmp_path, kind, f"{record},{record}")
        assert f"Hồ sơ số {record} được ghi hai lần" in capsys.readouterr().err


def test_a_decision_day_typed_wrong_is_corrected_on_the_case_then_printed(db, office, tmp_path):
    """The paper takes the case's day; so a day typed wrong must be put right on the case: the
    latest step can be corrected (audited, checked as when recorded), the ceremony on the member
    it wrote too."""
    from models.accounts.tables import AuditEntry
    from models.admissions.steps import correct_step, correctable_step, record_step
    from models.core.errors import ValidationError
    from tests.models.accounts.test_audit import assert_each_step_audited

    case = _decided_case(office["small"], "20-QĐ/ĐUK")  # typed 08/04/2024
    assert correctable_step(case) == "decision"
    with pytest.raises(ValidationError, match="ở trước bước"):  # checked as when it was recorded
        correct_step(case.id, "decision", {"decision_no": "20-QĐ/ĐUK", "decision_date": date(2024, 3, 1)})
    with pytest.raises(ValidationError, match="bước ghi sau cùng"):
        correct_step(case.id, "cell", {"cell_resolution_no": "04-NQ/CB", "votes_for": 9, "votes_total": 10,
                                       "cell_resolution_date": date(2024, 3, 16)})
    before = AuditEntry.select().count()
    assert_each_step_audited([("correct_step", lambda: correct_step(
        case.id, "decision", {"decision_no": "20-QĐ/ĐUK", "decision_date": date(2024, 4, 9)}))])
    assert AuditEntry.select().count() == before + 1
    for text in texts(db, tmp_path, "ket-nap", case.id, "--issue"):
        assert "Hạ Long, ngày 09 tháng 4 năm 2024" in text
    record_step(case.id, "ceremony", {"ceremony_date": date(2024, 4, 20)})
    # The ceremony's day typed wrong: corrected on the case and on the member it wrote, in one go
    # (it could not be corrected at all; the probation is counted from it).
    assert correctable_step(get_case(case.id)) == "ceremony"
    with pytest.raises(ValidationError, match="ở trước bước"):
        correct_step(case.id, "ceremony", {"ceremony_date": date(2024, 4, 1)})
    assert_each_step_audited([("correct_step ceremony", lambda: correct_step(
        case.id, "ceremony", {"ceremony_date": date(2024, 4, 19)}))])
    from models.members.record import get_member

    assert get_member(get_case(case.id).member_id).ceremony_date == date(2024, 4, 19)
    record_step(case.id, "full", {"review_date": date(2025, 4, 22), "full_decision_no": "30-QĐ/ĐUK",
                                  "full_decision_date": date(2025, 5, 6)})
    assert correctable_step(get_case(case.id)) == "full"
    assert_each_step_audited([("correct_step full", lambda: correct_step(
        case.id, "full", {"review_date": date(2025, 4, 22), "full_decision_no": "31-QĐ/ĐUK",
                          "full_decision_date": date(2025, 5, 7)}))])
    from models.members.tables import MemberEvent

    recognised = MemberEvent.get((MemberEvent.member == get_case(case.id).member_id)
                                 & (MemberEvent.kind == v.RECOGNISED))
    # The number follows the correction; the day of full membership stays the ceremony's + 1 year.
    assert (recognised.decision_no, recognised.date) == ("31-QĐ/ĐUK", date(2025, 4, 19))
    for text in texts(db, tmp_path, "chinh-thuc", case.id, "--issue"):
        assert "Số 31-QĐ/ĐUK" in text and "Hạ Long, ngày 07 tháng 5 năm 2025" in text


def test_an_admission_corrected_in_the_members_history_is_corrected_on_its_case(db, office, tmp_path):
    """The member's "Kết nạp" event is the case's decision: corrected from the history, the case
    (whose decision paper prints its number and day) follows, checked as its step is; a full-
    membership number the same. Before, the history and the case then disagreed."""
    from models.admissions import correct_registry_event
    from models.admissions.steps import record_step
    from models.core.errors import ValidationError
    from models.members.events import history

    case = _decided_case(office["small"], "20-QĐ/ĐUK")  # decided 08/04/2024, its cell 15/03/2024
    record_step(case.id, "ceremony", {"ceremony_date": date(2024, 4, 20)})
    member_id = get_case(case.id).member_id
    admitted = history(member_id)[0]
    with pytest.raises(ValidationError, match="ở trước bước"):  # before the cell's resolution
        correct_registry_event(admitted.id, date(2024, 3, 10), "20-QĐ/ĐUK")
    correct_registry_event(admitted.id, date(2024, 4, 9), "21-QĐ/ĐUK")
    case = get_case(case.id)
    assert (case.decision_date, case.decision_no) == (date(2024, 4, 9), "21-QĐ/ĐUK")
    assert (history(member_id)[0].date, history(member_id)[0].decision_no) == (date(2024, 4, 9), "21-QĐ/ĐUK")
    for text in texts(db, tmp_path, "ket-nap", case.id, "--issue"):
        assert "Số 21-QĐ/ĐUK" in text and "ngày 09 tháng 4 năm 2024" in text
    record_step(case.id, "full", {"review_date": date(2025, 4, 22), "full_decision_no": "30-QĐ/ĐUK",
                                  "full_decision_date": date(2025, 5, 6)})
    recognised = next(row for row in history(member_id) if row.kind == v.RECOGNISED)
    correct_registry_event(recognised.id, recognised.date, "31-QĐ/ĐUK")
    assert get_case(case.id).full_decision_no == "31-QĐ/ĐUK"
