"""The summary of a request's returns in the words of a report a secretary signs: a line every
return states as nought is said as "không có", never "có 0 đảng viên từ trần"."""

from datetime import date

from reports.returns_figures import ReturnsSummary, SummedLine
from reports.returns_papers import reminder_paragraphs, summary_sentences


def summary(**totals: int) -> ReturnsSummary:
    lines = {key: SummedLine(key, key, total, 10, None) for key, total in totals.items()}
    return ReturnsSummary(4, "Báo cáo quý III năm 2026", date(2026, 7, 1), date(2026, 9, 30),
                          date(2026, 10, 7), date(2026, 7, 1), date(2026, 12, 7), 12, 12, 11, 10, [], [],
                          lines)


def test_lines_stated_as_nought_are_said_as_none_not_as_a_count_of_0():
    """Printed from the demo on 07/12/2026: "Trong kỳ có 0 đảng viên từ trần và 0 đảng viên bị xóa
    tên, khai trừ hoặc xin ra khỏi Đảng.", "Số đảng viên bị thi hành kỷ luật trong kỳ là 0." and "Số
    đảng viên được nơi cư trú nhận xét là 0."."""
    text = summary_sentences(summary(ket_nap=1, cong_nhan_chinh_thuc=8, chuyen_den=0, chuyen_di=4,
                                     tu_tran=0, ra_khoi_dang=0, sinh_hoat_thuong_ky=53,
                                     sinh_hoat_chuyen_de=18, kiem_tra=0, giam_sat=12, ky_luat=0,
                                     nhan_xet_cu_tru=0))
    assert text[1:] == [
        "Theo báo cáo của các tổ chức cơ sở đảng, trong kỳ đã kết nạp 1 đảng viên mới, công nhận 8 đảng "
        "viên chính thức và chuyển đi 4 đảng viên.",
        "Trong kỳ không có đảng viên từ trần, bị xóa tên, khai trừ hoặc xin ra khỏi Đảng.",
        "Các chi bộ đã tổ chức 53 cuộc sinh hoạt thường kỳ và 18 cuộc sinh hoạt chuyên đề.",
        "Các tổ chức cơ sở đảng đã tiến hành 12 cuộc giám sát.",
        "Trong kỳ không có đảng viên bị thi hành kỷ luật.",
        "Trong kỳ không có đảng viên được nơi cư trú nhận xét.",
    ]


def test_counts_above_nought_keep_their_sentences():
    text = summary_sentences(summary(tu_tran=2, ra_khoi_dang=0, ky_luat=3, nhan_xet_cu_tru=120,
                                     kiem_tra=0, giam_sat=0))
    assert text[1:] == [
        "Trong kỳ có 2 đảng viên từ trần.",
        "Trong kỳ các tổ chức cơ sở đảng không tiến hành cuộc kiểm tra hoặc giám sát nào.",
        "Số đảng viên bị thi hành kỷ luật trong kỳ là 3.",
        "Số đảng viên được nơi cư trú nhận xét là 120.",
    ]


def test_a_reminder_before_the_deadline_never_asks_for_less_time_than_the_deadline_gave():
    """On 02/01/2027 the letter to an organisation whose return was sent back asked for it "trước
    ngày 06/01/2027", two days before the request's own deadline of 08/01/2027; after the
    deadline it gives three working days from the letter."""
    sent_back = ReturnsSummary(4, "Báo cáo quý IV năm 2026", date(2026, 10, 1), date(2026, 12, 31),
                               date(2027, 1, 8), date(2026, 10, 1), date(2027, 1, 2), 12, 2, 2, 0, [],
                               ["Chi bộ Hội Nông dân tỉnh"])
    assert reminder_paragraphs(sent_back, date(2027, 1, 2))[-1].endswith("trước ngày 08/01/2027.")
    # After the deadline: 3 working days from Friday 08/01 are 11, 12 and 13/01.
    assert reminder_paragraphs(sent_back, date(2027, 1, 8))[-1].endswith("trước ngày 13/01/2027.")


def test_no_probationary_member_at_the_end_is_said_as_none():
    """Printed on 02/01/2027: "Cuối kỳ, các tổ chức đã báo cáo có 6 đảng viên (trong đó 0 đảng viên
    dự bị)."."""
    assert "Cuối kỳ, các tổ chức đã báo cáo có 6 đảng viên (không có đảng viên dự bị)." in \
        summary_sentences(summary(dang_vien_cuoi_ky=6, du_bi_cuoi_ky=0))
    assert "Cuối kỳ, các tổ chức đã báo cáo có 6 đảng viên (trong đó 2 đảng viên dự bị)." in \
        summary_sentences(summary(dang_vien_cuoi_ky=6, du_bi_cuoi_ky=2))
