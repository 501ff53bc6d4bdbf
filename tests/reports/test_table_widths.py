"""A table's words are never broken in two: seen in the returns summary's annex, where "STT"
came out as "ST" over "T" in a 12 mm column."""

import pytest
from docx import Document

from reports.document import Body, Signature, build_document
from reports.table_widths import widths_for_words
from tests.reports.test_document import HEADER, text_of

SUMMARY_HEAD = ["STT", "Tổ chức cơ sở đảng", "Ngày gửi", "Đảng viên cuối kỳ", "Kết nạp",
                "Đảng phí thu (nghìn đồng)", "Tình trạng"]
SUMMARY_WIDTHS = [12, 54, 25, 17, 14, 20, 23]  # as the summary had them


@pytest.mark.parametrize("name", ["tong-hop.pdf", "tong-hop.docx"])
def test_the_summarys_numbering_column_reads_stt_on_one_line(tmp_path, name):
    annex = Body()
    annex.table([SUMMARY_HEAD, ["1", "Chi bộ Bệnh viện Y dược cổ truyền", "07/10/2026", "17", "0", "3.672",
                                "Chấp nhận"]], SUMMARY_WIDTHS, numeric_from=2)
    path = build_document(tmp_path / name, HEADER, Body(), Signature(name="Nguyễn Văn A"), [], annex=annex)
    if name.endswith(".pdf"):
        assert " STT " in f" {text_of(path)} "
    else:
        numbering = Document(str(path)).tables[-1].columns[0].width / 36000  # EMU to mm
        assert numbering == pytest.approx(widths_for_words([SUMMARY_HEAD], SUMMARY_WIDTHS)[0], abs=0.1)


def test_a_narrow_column_takes_room_from_the_one_with_most_to_spare():
    widths = widths_for_words([SUMMARY_HEAD], SUMMARY_WIDTHS)
    assert sum(widths) == pytest.approx(sum(SUMMARY_WIDTHS))
    assert widths[0] > SUMMARY_WIDTHS[0] and widths[1] < SUMMARY_WIDTHS[1]
    assert widths[2:] == SUMMARY_WIDTHS[2:]  # the others had their words' room already
    assert widths_for_words([["Chỉ tiêu", "Số"]], [100, 40]) == [100, 40]  # nothing to mend
