"""What a main target measures and how its result is judged (DOMAIN §10)."""

from models.core.codes import as_codes

COUNT, SHARE = "COUNT", "SHARE"
# code -> (label, unit); measures the records give are computed, MANUAL takes a typed result.
MEASURES = {
    "ADMISSIONS": ("Số đảng viên kết nạp", COUNT),
    "ORG_GOOD": ("Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (trên số được xếp loại)", SHARE),
    "ORG_EXCELLENT": ("Tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (trên số được xếp loại)", SHARE),
    "MEMBER_GOOD": ("Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên (trên số được đánh giá)", SHARE),
    "MEMBER_EXCELLENT": ("Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ (trên số được đánh giá)", SHARE),
    "INSPECTIONS": ("Số cuộc kiểm tra, giám sát của Ban Thường vụ, Ủy ban Kiểm tra đã tiến hành", COUNT),
    "BCH_CONFERENCES": ("Số hội nghị Ban Chấp hành Đảng bộ Khối đã tổ chức", COUNT),
    "CELL_MEETINGS": ("Tỷ lệ chi bộ sinh hoạt thường kỳ hằng tháng (số tháng có sinh hoạt trên số tháng)",
                      SHARE),
    "CELL_THEMATIC": ("Tỷ lệ chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần (trên số chi bộ)", SHARE),
    "MANUAL_COUNT": ("Số liệu văn phòng nhập (số lượng)", COUNT),
    "MANUAL_SHARE": ("Số liệu văn phòng nhập (tỷ lệ %)", SHARE),
}
MANUAL = ("MANUAL_COUNT", "MANUAL_SHARE")
ADMISSIONS = "ADMISSIONS"  # the one measure with a record of its own: the admissions target
AT_LEAST, ABOVE, RANGE = "AT_LEAST", "ABOVE", "RANGE"
COMPARATORS = {AT_LEAST: "Từ … trở lên (đạt khi bằng)", ABOVE: "Trên … (phải vượt)",
               RANGE: "Trong khoảng … – …"}
ACHIEVED, EXCEEDED, MISSED, UNKNOWN = "ACHIEVED", "EXCEEDED", "MISSED", "UNKNOWN"
UNDER_WAY = "UNDER_WAY"  # not reached yet, with its year or term still to run

as_codes(globals())
