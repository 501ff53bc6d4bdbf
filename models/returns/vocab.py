"""Codes of the bloc's reporting system (Hệ thống báo cáo công tác Đảng): the kinds of report
asked of grassroots organisations, the form's standard lines, and the states of a return."""

from models.core.codes import Codes

MONTH, QUARTER, HALF, YEAR, AD_HOC = "THANG", "QUY", "SAU_THANG", "NAM", "DOT_XUAT"
KINDS = Codes({MONTH: "Báo cáo tháng", QUARTER: "Báo cáo quý", HALF: "Báo cáo 6 tháng",
               YEAR: "Báo cáo năm", AD_HOC: "Báo cáo đột xuất"})
QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}

# How a line of the form is filled: a count, an amount in đồng, or words.
COUNT, MONEY, TEXT = "so", "tien", "chu"
LINE_KINDS = {COUNT: "Số", MONEY: "Số tiền (đồng)", TEXT: "Lời văn"}

# The standard form, in printed order: (key, label, kind). The office may change the labels,
# leave lines out or add its own for a request; the keys below are the ones the program can
# check against its records or add up in the bloc's reports.
HEADCOUNT, PROBATIONARY = "dang_vien_cuoi_ky", "du_bi_cuoi_ky"
ADMITTED, RECOGNISED = "ket_nap", "cong_nhan_chinh_thuc"
TRANSFER_IN, TRANSFER_OUT = "chuyen_den", "chuyen_di"
DECEASED, LEFT = "tu_tran", "ra_khoi_dang"
REGULAR_MEETINGS, THEMATIC_MEETINGS = "sinh_hoat_thuong_ky", "sinh_hoat_chuyen_de"
INSPECTIONS, SUPERVISIONS, DISCIPLINED = "kiem_tra", "giam_sat", "ky_luat"
DUES_COLLECTED, DUES_REMITTED = "dang_phi_thu", "dang_phi_nop"
RESIDENCE_COMMENTS = "nhan_xet_cu_tru"
ACHIEVEMENTS, SHORTCOMINGS = "ket_qua", "han_che"

STANDARD_FORM = (
    (HEADCOUNT, "Tổng số đảng viên cuối kỳ", COUNT),
    (PROBATIONARY, "Trong đó: đảng viên dự bị", COUNT),
    (ADMITTED, "Kết nạp đảng viên mới trong kỳ", COUNT),
    (RECOGNISED, "Công nhận đảng viên chính thức", COUNT),
    (TRANSFER_IN, "Đảng viên chuyển sinh hoạt đến", COUNT),
    (TRANSFER_OUT, "Đảng viên chuyển sinh hoạt đi", COUNT),
    (DECEASED, "Đảng viên từ trần", COUNT),
    (LEFT, "Xóa tên, khai trừ, xin ra khỏi Đảng", COUNT),
    (REGULAR_MEETINGS, "Số cuộc sinh hoạt chi bộ thường kỳ", COUNT),
    (THEMATIC_MEETINGS, "Số cuộc sinh hoạt chuyên đề", COUNT),
    (INSPECTIONS, "Số cuộc kiểm tra", COUNT),
    (SUPERVISIONS, "Số cuộc giám sát", COUNT),
    (DISCIPLINED, "Đảng viên bị thi hành kỷ luật", COUNT),
    (DUES_COLLECTED, "Đảng phí thu được", MONEY),
    (DUES_REMITTED, "Đảng phí nộp cấp trên", MONEY),
    (RESIDENCE_COMMENTS, "Đảng viên được nơi cư trú nhận xét", COUNT),
    (ACHIEVEMENTS, "Kết quả nổi bật", TEXT),
    (SHORTCOMINGS, "Hạn chế, khuyết điểm", TEXT),
)
# Lines the program also counts from its own records, so a return can be compared.
CHECKED = (HEADCOUNT, PROBATIONARY, ADMITTED, RECOGNISED, TRANSFER_IN, TRANSFER_OUT, DECEASED, LEFT,
           REGULAR_MEETINGS, THEMATIC_MEETINGS)

RECEIVED, ACCEPTED, SENT_BACK = "DA_NHAN", "CHAP_NHAN", "TRA_LAI"
STATES = Codes({RECEIVED: "Đã nhận, chờ xem xét", ACCEPTED: "Đã chấp nhận", SENT_BACK: "Trả lại để sửa"})
