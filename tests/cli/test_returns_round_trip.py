"""The reporting system end to end, as the office would run it on the command line: a monthly
request out to the 75 grassroots organisations of the demo, the workbooks filled as their clerks
would (some late, one with its frame edited, one with a wrong headcount, some never sent), brought
back as a .zip and a folder after a dry run, decided, and the summary and the reminder printed —
their sentences compared with the text worked out here from what was typed."""

import shutil
import zipfile
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

import main
from models.core.db import close_database, open_database
from models.demo.build import DemoSize, build_demo
from models.returns.tables import GrassrootsReturn
from models.returns.workbooks import FIRST_ROW, SHEET

TYPED = ("kiem_tra", "giam_sat", "ky_luat", "dang_phi_thu", "dang_phi_nop", "nhan_xet_cu_tru")


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def run(db: str, *words: str) -> int:
    return main.main(["returns", *words, "--db", db])


def fill(path, typed: dict) -> dict:
    """Type the blank lines as a grassroots clerk would; return every figure the workbook holds."""
    book = load_workbook(path)
    sheet = book[SHEET]
    figures = {}
    for row in range(FIRST_ROW, sheet.max_row + 1):
        key = sheet.cell(row=row, column=5).value
        if key in typed:
            sheet.cell(row=row, column=3).value = typed[key]
        value = sheet.cell(row=row, column=3).value
        if value is not None:
            figures[key] = value
    book.save(path)
    return figures


def edit(path, column: int, key: str, value) -> None:
    book = load_workbook(path)
    sheet = book[SHEET]
    row = next(r for r in range(FIRST_ROW, sheet.max_row + 1) if sheet.cell(row=r, column=5).value == key)
    sheet.cell(row=row, column=column).value = value
    book.save(path)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    from tests.clock import DEMO_DAY, clock_at

    folder = tmp_path_factory.mktemp("bao-cao")
    db = folder / "khoi.db"
    with clock_at(DEMO_DAY):
        open_database(db)
        build_demo(DemoSize(orgs=75, members=2700, seed=2026))
        close_database()
    return folder, str(db)


def test_a_month_out_to_75_organisations_and_back(office, demo_clock, capsys):
    folder, db = office
    assert run(db, "request", "--kind", "month", "--year", "2026", "--period", "11", "--date", "02/11/2026",
               "--due", "03/12/2026") == 0
    out = capsys.readouterr().out
    request_id = int(out.split("yêu cầu số ")[1].split(":")[0])
    sent = folder / "gui-di"
    assert run(db, "export", str(request_id), "-o", str(sent)) == 0
    books = sorted(sent.glob("*.xlsx"))
    assert len(books) == 75
    names = {path: load_workbook(path)[SHEET]["A2"].value for path in books}

    missing, edited, wrong, late = books[:3], books[3], books[4], books[5:25]
    on_time = books[25:]
    accepted, on_time_figures = {}, []
    for index, path in enumerate(books[4:], start=1):
        typed = {"kiem_tra": index % 3, "giam_sat": index % 2, "ky_luat": 0, "dang_phi_thu": 150_000 * index,
                 "dang_phi_nop": 45_000 * index, "nhan_xet_cu_tru": index % 5,
                 "ket_qua": "Hoàn thành tốt nhiệm vụ tháng." if index == 7 else None}
        figures = fill(path, typed)
        if path is wrong:
            edit(path, 3, "dang_vien_cuoi_ky", figures["dang_vien_cuoi_ky"] + 2)
        else:
            accepted[names[path]] = figures
        if path in on_time:
            on_time_figures.append(figures)
    fill(edited, dict.fromkeys(TYPED, 0))
    edit(edited, 2, "kiem_tra", "Số cuộc kiểm tra của chi bộ")  # a line of the frame renamed
    report = on_time[0].with_suffix(".pdf")
    report.write_bytes(b"%PDF-1.4\n% bao cao thang 11\n")

    # The on-time ones come by e-mail as one .zip, with one report attached; the rest in a folder.
    bundle = folder / "gui-ve-dot-1.zip"
    with zipfile.ZipFile(bundle, "w") as package:
        for path in [*on_time, report]:
            package.write(path, path.name)
    later = folder / "gui-ve-dot-2"
    later.mkdir()
    for path in [*late, wrong, edited]:
        shutil.copy(path, later / path.name)

    assert run(db, "import", str(bundle), "--received", "02/12/2026", "--dry-run") == 0
    out = capsys.readouterr().out
    assert f"Chạy thử: {len(on_time)} báo cáo có thể nhận, chưa ghi gì." in out
    assert f"{on_time[0].name} — {names[on_time[0]]}: đúng hạn, kèm {report.name}." in out
    assert GrassrootsReturn.select().where(GrassrootsReturn.request == request_id).count() == 0
    assert run(db, "import", str(bundle), "--received", "02/12/2026") == 0
    assert run(db, "import", str(later), "--received", "04/12/2026") == 4  # one file refused
    captured = capsys.readouterr()
    assert f"{edited.name}: không nhận — khung mẫu đã bị sửa ở dòng" in captured.err
    assert f"{names[late[0]]}: chậm 1 ngày làm việc." in captured.out
    assert "Khác hồ sơ: Tổng số đảng viên cuối kỳ: báo cáo" in captured.out
    assert f"Đã nhận {len(late) + 1} báo cáo" in captured.out

    # The clerk accepts what agrees with the records and sends the wrong headcount back.
    from models.orgs.tree import full_names

    ids = {name: org_id for org_id, name in full_names().items()}
    for name in accepted:
        assert run(db, "accept", str(request_id), str(ids[name])) == 0
    assert run(db, "send-back", str(request_id), str(ids[names[wrong]]), "--note", "Sửa số đảng viên") == 0
    capsys.readouterr()
    assert run(db, "status", str(request_id)) == 0
    out = capsys.readouterr().out
    assert f"Cộng: quá hạn, chưa gửi 4; gửi đúng hạn {len(on_time)}; gửi chậm {len(late) + 1}" in out

    summary, letter = folder / "tong-hop.pdf", folder / "don-doc.pdf"
    assert run(db, "summary", str(request_id), "-o", str(summary), "--date", "04/12/2026") == 0
    assert run(db, "letter", str(request_id), "-o", str(letter), "--date", "04/12/2026", "--issue") == 0
    text = pdf_text(summary)

    def total(key: str) -> str:
        return f"{sum(int(figures.get(key) or 0) for figures in accepted.values()):,}".replace(",", ".")

    assert total("ket_nap") == "0" and "kết nạp 0" not in text
    for sentence in (
        f"Đến ngày 04/12/2026, có {len(on_time) + len(late) + 1}/75 tổ chức cơ sở đảng gửi báo cáo "
        f"({len(on_time)} tổ chức gửi đúng hạn); {len(accepted)} báo cáo đã được chấp nhận và được tổng hợp "
        "dưới đây.",
        f"1 báo cáo phải sửa lại: {names[wrong]}.",
        # No admission in November: a line that adds up to nought is left out, not "kết nạp 0".
        f"Theo báo cáo của các tổ chức cơ sở đảng, trong kỳ đã công nhận {total('cong_nhan_chinh_thuc')} "
        f"đảng viên chính thức, tiếp nhận {total('chuyen_den')} đảng viên chuyển đến và chuyển đi "
        f"{total('chuyen_di')} đảng viên.",
        f"Các tổ chức cơ sở đảng đã tiến hành {total('kiem_tra')} cuộc kiểm tra và {total('giam_sat')} cuộc "
        "giám sát.",
        f"Cuối kỳ, các tổ chức đã báo cáo có {total('dang_vien_cuoi_ky')} đảng viên (trong đó "
        f"{total('du_bi_cuoi_ky')} đảng viên dự bị).",
        f"Về đảng phí, các tổ chức cơ sở đảng đã thu được {total('dang_phi_thu')} đồng và nộp cấp trên "
        f"{total('dang_phi_nop')} đồng.",
        "PHỤ LỤC: BÁO CÁO CỦA CÁC TỔ CHỨC CƠ SỞ ĐẢNG",
        "Hoàn thành tốt nhiệm vụ tháng.",
    ):
        assert sentence in text, sentence
    overdue = sorted((names[path] for path in [*missing, edited]), key=str.casefold)
    assert f"Còn 4 tổ chức quá hạn chưa gửi báo cáo: {', '.join(overdue[:-1])} và {overdue[-1]}." in text
    text = pdf_text(letter)
    for sentence in (
        "Số 01-CV/ĐUK", "V/v đôn đốc gửi báo cáo tháng 11 năm 2026",
        "Kính gửi: Các tổ chức cơ sở đảng có tên dưới đây",
        "Ngày 02/11/2026, Đảng ủy Khối đã đề nghị các tổ chức cơ sở đảng gửi báo cáo tháng 11 năm 2026 "
        "(kỳ báo cáo từ ngày 01/11/2026 đến ngày 30/11/2026), hạn gửi ngày 03/12/2026.",
        "Đến ngày 04/12/2026, còn 5 tổ chức cơ sở đảng chưa gửi báo cáo hoặc báo cáo phải sửa lại, gồm:",
        *(f"{number}. {name}." for number, name in enumerate(overdue, 1)),
        f"5. {names[wrong]} (báo cáo phải sửa lại).",
        "gửi báo cáo về Đảng ủy Khối (qua Văn phòng Đảng ủy) trước ngày 09/12/2026.",
        "T/M BAN THƯỜNG VỤ", "- Lưu Văn phòng Đảng ủy.",
    ):
        assert sentence in text, sentence


def test_bad_files_get_a_message_and_nothing_is_written(office, demo_clock, capsys):
    folder, db = office
    bomb = folder / "bom.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("bao-cao.xlsx", b"\0" * (80 * 1024 * 1024))
    open_database(folder / "khoi.db")
    before = GrassrootsReturn.select().count()
    close_database()
    assert run(db, "import", str(bomb)) == 1
    err = capsys.readouterr().err
    assert "lớn bất thường" in err and "Traceback" not in err
    (folder / "la.xlsx").write_text("không phải bảng tính", encoding="utf-8")
    assert run(db, "import", str(folder / "la.xlsx")) == 4
    assert "không phải bảng tính Excel" in capsys.readouterr().err
    # A folder or a .zip with no workbook in it: said, not "Đã nhận 0 báo cáo; xem xét…".
    empty = folder / "thu-muc-nham"
    empty.mkdir()
    (empty / "ghi-chu.txt").write_text("không phải báo cáo", encoding="utf-8")
    only_notes = folder / "chi-co-ghi-chu.zip"
    with zipfile.ZipFile(only_notes, "w") as package:
        package.writestr("ghi-chu.txt", "không phải báo cáo")
    for source in (empty, only_notes):
        assert run(db, "import", str(source)) == 4
        said = capsys.readouterr()
        assert f"{source.name}: không có mẫu báo cáo nào (tệp .xlsx hoặc .ods)" in said.err
        assert "Đã nhận 0 báo cáo" not in said.out
    open_database(folder / "khoi.db")
    assert GrassrootsReturn.select().count() == before
    close_database()
    assert date(2026, 12, 4) == demo_clock


def test_options_a_request_of_that_kind_does_not_take_are_refused_not_dropped(bloc_tree, db_location, capsys):
    """`returns request --kind year --period 3` made "Báo cáo năm 2026" and dropped the 3; so were
    --start/--end on a quarterly request, and --days beside --due."""
    close_database()
    db = str(db_location)
    for words, said in ((["--kind", "year", "--year", "2025", "--period", "3"], "--period"),
                        (["--kind", "quarter", "--year", "2025", "--period", "3", "--start", "01/07/2025"],
                         "--start, --end"),
                        (["--kind", "quarter", "--year", "2025", "--period", "3", "--due", "10/10/2025",
                          "--days", "5"], "--due hoặc --days")):
        assert run(db, "request", *words) == 1
        assert said in capsys.readouterr().err
    open_database(db)
    from models.returns.tables import ReturnRequest

    assert not ReturnRequest.select().exists()
