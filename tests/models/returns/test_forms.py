"""The form the office sends: reworded, shortened or extended for the requests made from then on,
exchanged as a CSV file Excel opens; a file that is not a form, or a standard line given another
kind, is refused with the line named and nothing changed."""

import codecs
import csv
import io
from datetime import date

import pytest

from models.accounts import session
from models.accounts.session import ADMIN, CLERK
from models.accounts.users import authenticate, create_user
from models.core.errors import ValidationError
from models.core.text_tables import read_text_table
from models.returns import vocab as r
from models.returns.forms import (
    FormLine,
    is_standard,
    office_form,
    read_form_file,
    reset_office_form,
    save_office_form,
    standard_form,
    write_form_file,
)
from models.returns.requests import create_request, form_of

PASSWORD = "mat-khau-du-dai-1"


def test_a_new_request_takes_the_office_form_and_an_old_one_keeps_its_own(bloc_tree):
    before = create_request(kind=r.QUARTER, year=2025, period=1, issued_on=date(2025, 1, 2))
    lines = [line for line in standard_form() if line.key != r.RESIDENCE_COMMENTS]
    lines[0] = FormLine(r.HEADCOUNT, "Tổng số đảng viên đến cuối quý", r.COUNT)
    lines.append(FormLine("cong_trinh_thanh_nien", "Số công trình thanh niên", r.COUNT))
    save_office_form(lines)
    assert not is_standard() and office_form() == lines
    after = create_request(kind=r.QUARTER, year=2025, period=2, issued_on=date(2025, 4, 1))
    assert form_of(after) == lines
    assert form_of(before) == standard_form()
    reset_office_form()
    assert is_standard() and office_form() == standard_form()


def test_the_form_goes_out_to_csv_and_comes_back_edited(bloc_tree, tmp_path):
    """Written as the one text table Excel splits into columns whatever the regional settings
    (a comma-separated file opened on a Vietnamese Windows, whose list separator is ";", put
    each line in one cell): UTF-16 with its byte-order mark, cells parted by tabs."""
    path = write_form_file(tmp_path / "mau.csv")
    assert path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    text = path.read_text(encoding="utf-16")
    assert text.splitlines()[0] == "Mã\tChỉ tiêu\tLoại"
    assert "dang_phi_thu\tĐảng phí thu được\tSố tiền (đồng)" in text
    path.write_text(text.replace("Kết quả nổi bật", "Những kết quả nổi bật của quý"), encoding="utf-16")
    assert read_form_file(path)[-2] == FormLine(r.ACHIEVEMENTS, "Những kết quả nổi bật của quý", r.TEXT)


@pytest.mark.parametrize(("separator", "encoding"), [(";", "utf-8-sig"), ("\t", "utf-16")])
def test_the_form_comes_back_as_excel_saves_it_on_a_vietnamese_windows(bloc_tree, tmp_path, separator,
                                                                         encoding):
    """Reported: Excel under Vietnamese regional settings (decimal comma, list separator ";")
    saves "CSV UTF-8" with semicolons, and "Unicode Text" as UTF-16 with tabs; both were
    refused as "not a form" though the clerk only reworded a line."""
    path = write_form_file(tmp_path / "mau.csv")
    rows = read_text_table(path)
    rows[-2][1] = "Kết quả nổi bật; những việc làm hay, sáng tạo"
    edited = io.StringIO()
    csv.writer(edited, delimiter=separator).writerows(rows)
    path.write_text(edited.getvalue(), encoding=encoding)
    lines = read_form_file(path)
    assert lines[-2] == FormLine(r.ACHIEVEMENTS, "Kết quả nổi bật; những việc làm hay, sáng tạo", r.TEXT)
    assert [line.key for line in lines] == [line.key for line in standard_form()]


@pytest.mark.parametrize(("content", "words"), [
    ("Họ và tên,Ngày sinh\nAn,1/1/1980\n", "không phải mẫu báo cáo"),
    ("Mã,Chỉ tiêu,Loại\nket_nap,Kết nạp,Lời văn\n", "là dòng chuẩn loại “Số”"),
    ("Mã,Chỉ tiêu,Loại\nket_nap,Kết nạp,Số\nket_nap,Kết nạp lại,Số\n", "trùng với một dòng trên"),
    ("Mã,Chỉ tiêu,Loại\nso cuoc,Số cuộc,Số\n", "chỉ gồm chữ không dấu"),
    ("Mã,Chỉ tiêu,Loại\nsinh_hoat,Sinh hoạt,Bảng\n", "loại “Bảng” không phải"),
    ("Mã,Chỉ tiêu,Loại\n", "ít nhất một dòng"),
])
def test_a_file_that_is_not_a_form_is_refused(bloc_tree, tmp_path, content, words):
    path = tmp_path / "mau.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError, match=words):
        save_office_form(read_form_file(path))
    assert is_standard()


def test_a_binary_file_and_a_clerk_of_one_organisation_are_refused(bloc_tree, tmp_path):
    path = tmp_path / "mau.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\xb4\xe3\x8c\x9f")
    with pytest.raises(ValidationError, match="không phải tệp CSV mã UTF-8"):
        read_form_file(path)
    admin = create_user("quantri", "Quản Trị", ADMIN, PASSWORD)
    with session.acting_as(authenticate(admin.username, PASSWORD)):
        create_user("coso", "Cán Bộ Cơ Sở", CLERK, PASSWORD, org_ids=[bloc_tree["base"].id])
    with session.acting_as(authenticate("coso", PASSWORD)), pytest.raises(ValidationError):
        save_office_form(standard_form()[:3])
    assert is_standard()
