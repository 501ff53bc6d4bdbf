"""The words of movements and models (DOMAIN §10)."""

from models.core.codes import as_codes

CAMPAIGN, REPLICATED, FOCUS, PILOT, CONTEST = "CAMPAIGN", "REPLICATED", "FOCUS", "PILOT", "CONTEST"
KINDS = {
    CAMPAIGN: "Phong trào, cuộc vận động (mô hình, công trình)",
    REPLICATED: "Nhân rộng một mô hình (đếm dồn qua các năm)",
    FOCUS: "Chọn chi bộ để tập trung lãnh đạo",
    PILOT: "Thí điểm mô hình chi bộ (chi bộ đăng ký)",
    CONTEST: "Hội thi",
}
MO_HINH, CONG_TRINH = "MO_HINH", "CONG_TRINH"
ITEM_KINDS = {MO_HINH: "Mô hình", CONG_TRINH: "Công trình"}

as_codes(globals())
