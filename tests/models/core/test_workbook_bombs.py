"""Workbooks are read within limits: a small file that unpacks into a huge one is refused from
its zip directory before anything is parsed, an over-long cell or too many rows are refused
with a message; a hidden first sheet is passed over for the visible list, and a cell merged
down a column (a Chi bộ over its rows) counts for every row under it."""

import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

import models.core.workbook as workbook_module
from models.core.errors import ValidationError
from models.members.import_plan import plan_import
from models.ratings.exchange import read_rating_workbook
from tests.models.members.test_member_import import workbook
from tests.ods import MANIFEST, save_as_ods

ROW = ["Trần Văn An", "Nam", datetime(1980, 5, 15), "05/03/2008", "5/3/09", "01234567", "Văn phòng Sở",
       "Đảng bộ Sở Tài chính"]


def bomb(path: Path, unpacked: int) -> Path:
    """A real workbook whose shared strings unpack to `unpacked` bytes (a few hundred KB packed)."""
    small = workbook(path.with_name("mau.xlsx"), [ROW])
    with zipfile.ZipFile(small) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != "xl/sharedStrings.xml":
                out.writestr(item, source.read(item.filename))
        with out.open("xl/sharedStrings.xml", "w") as part:
            part.write(b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
                       b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>')
            block = b"A" * (1 << 20)
            for _ in range(unpacked >> 20):
                part.write(block)
            part.write(b"</t></si></sst>")
    return path


@pytest.fixture
def no_parsing(monkeypatch):
    class NoReader:
        @staticmethod
        def from_path(*_args, **_kwargs):
            raise AssertionError("the workbook was parsed")

    monkeypatch.setattr(workbook_module, "CalamineWorkbook", NoReader)


def test_a_member_list_that_unpacks_into_gigabytes_is_refused_unread(bloc_tree, tmp_path, no_parsing):
    path = bomb(tmp_path / "ds.xlsx", 300 << 20)
    assert path.stat().st_size < 2 << 20
    with pytest.raises(ValidationError) as refused:
        plan_import(path)
    assert "giải nén" in refused.value.message and "MB" in refused.value.message


def test_a_rating_workbook_that_unpacks_into_gigabytes_is_refused_unread(bloc_tree, tmp_path, no_parsing):
    with pytest.raises(ValidationError) as refused:
        read_rating_workbook(bomb(tmp_path / "xep-loai.xlsx", 300 << 20), 2024)
    assert "giải nén" in refused.value.message


def test_an_over_long_cell_is_refused_with_its_place(bloc_tree, tmp_path):
    """Excel and openpyxl cut a cell at 32,767 characters; a crafted file need not."""
    plain = workbook(tmp_path / "mau.xlsx", [ROW, ["Le Van Dai", *ROW[1:]]])
    path = tmp_path / "ds.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)  # the name is in the sheet or in its shared strings
            data = data.replace(b"Le Van Dai", b"Le Van " + b"A" * 40_000)
            out.writestr(item, data)
    with pytest.raises(ValidationError) as refused:
        plan_import(path)
    assert "B7" in refused.value.message and "32.767" in refused.value.message


def test_the_hidden_first_sheet_is_passed_over(bloc_tree, tmp_path):
    path = workbook(tmp_path / "ds.xlsx", [ROW])
    from openpyxl import load_workbook

    book = load_workbook(path)
    hidden = book.copy_worksheet(book.active)
    hidden.title = "Cũ"
    hidden.cell(row=6, column=2).value = "Lê Thị Ẩn"
    book.move_sheet(hidden, offset=-1)
    hidden.sheet_state = "hidden"
    book.active = 1
    book.save(path)
    plan = plan_import(path)
    assert plan.sheet == "DS đảng viên"
    assert [row.fields["full_name"] for row in plan.rows] == ["Trần Văn An"]


def test_a_cell_merged_down_its_column_counts_for_every_row(bloc_tree, tmp_path):
    second = ["Lê Thị Bình", "Nữ", datetime(1985, 1, 2), "05/03/2010", None, "01234568", None, None]
    path = workbook(tmp_path / "ds.xlsx", [ROW, second])
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    sheet.merge_cells("H6:H7")
    sheet.merge_cells("I6:I7")
    book.save(path)
    plan = plan_import(path)
    assert [row.org_label for row in plan.rows] == [plan.rows[0].org_label] * 2
    assert plan.rows[1].org_id == plan.rows[0].org_id is not None
    # The same list saved by LibreOffice Calc as .ods: its reader gives no merges, so they are read
    # from the sheet's own XML (the second member had no cell).
    ods = save_as_ods(path, tmp_path / "ds.ods")
    assert [(row.fields, row.org_id) for row in plan_import(ods).rows] == [(row.fields, row.org_id)
                                                                           for row in plan.rows]


def test_too_many_columns_or_rows_are_said(bloc_tree, tmp_path, monkeypatch):
    book = Workbook()
    sheet = book.active
    sheet.append(["Họ và tên", "Giới tính", "Ngày sinh", "Chi bộ"])
    for n in range(60):
        sheet.append([f"Trần Văn {n}", "Nam", "01/01/1980", "Văn phòng Sở"])
    book.save(tmp_path / "dai.xlsx")
    monkeypatch.setattr(workbook_module, "MAX_ROWS", 50)
    with pytest.raises(ValidationError) as refused:
        plan_import(tmp_path / "dai.xlsx")
    assert "50 dòng" in refused.value.message


@pytest.mark.parametrize("kept", [0.15, 0.999])
def test_a_cut_workbook_is_said_in_vietnamese_without_the_readers_words(bloc_tree, tmp_path, kept):
    """A list copied off a USB stick pulled out too early: the clerk reads what happened and
    what to do, not the zip or calamine library's English."""
    whole = workbook(tmp_path / "ds.xlsx", [ROW] * 400)
    cut = tmp_path / "cat-ngang.xlsx"
    content = whole.read_bytes()
    cut.write_bytes(content[:int(len(content) * kept)])
    with pytest.raises(ValidationError) as refused:
        plan_import(cut)
    message = refused.value.message
    assert "cat-ngang.xlsx" in message and "hỏng" in message
    assert not any(word in message.lower() for word in ("zip", "file", "error", "calamine"))


ODS_HEAD = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
            '<table:table table:name="DS"><table:table-row>')


ODS_TAIL = "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
# Entities that expand ten times at each of nine levels: a billion letters from a few hundred bytes.
LAUGHS = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
          + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")


@pytest.mark.parametrize("content", [
    "<x", ODS_HEAD + '<table:table-cell table:number-rows-spanned="x"/>' + ODS_TAIL,
    LAUGHS + ODS_HEAD + '<table:table-cell office:value-type="string"><text:p>&j;</text:p></table:table-cell>'
    + ODS_TAIL])
def test_a_broken_ods_gets_a_message(db, tmp_path, content):
    """Each of these alone spoils a package that is otherwise whole (a readable one is below)."""
    path = tmp_path / "ds.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", MANIFEST)
        package.writestr("content.xml", content)
    with pytest.raises(ValidationError, match="bị hỏng"):
        plan_import(path)


def test_the_broken_odss_above_are_whole_but_for_what_spoils_them(db, tmp_path):
    path = tmp_path / "ds.ods"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("META-INF/manifest.xml", MANIFEST)
        cell = '<table:table-cell office:value-type="string"><text:p>Họ và tên</text:p></table:table-cell>'
        package.writestr("content.xml", ODS_HEAD + cell + ODS_TAIL)
    assert [sheet.rows for sheet in workbook_module.read_sheets(path)] == [[["Họ và tên"]]]
