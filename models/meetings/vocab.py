"""Codes of meetings (DOMAIN §6) and the words a clerk sees for them."""

from models.core.codes import as_codes

BCH_DUK, BTV_DUK, THUONG_TRUC, UBKT_DUK = "BCH_DUK", "BTV_DUK", "THUONG_TRUC", "UBKT_DUK"
CAP_UY_CO_SO, CHI_BO = "CAP_UY_CO_SO", "CHI_BO"
BODIES = {
    BCH_DUK: "Ban Chấp hành Đảng bộ Khối",
    BTV_DUK: "Ban Thường vụ Đảng ủy Khối",
    THUONG_TRUC: "Thường trực Đảng ủy Khối",
    UBKT_DUK: "Ủy ban Kiểm tra Đảng ủy Khối",
    CAP_UY_CO_SO: "Cấp ủy cơ sở",
    CHI_BO: "Chi bộ",
}
BLOC_BODIES = (BCH_DUK, BTV_DUK, THUONG_TRUC, UBKT_DUK)

TONG_KET, SO_KET, THUONG_KY, CHUYEN_DE, KHAC = "TONG_KET", "SO_KET", "THUONG_KY", "CHUYEN_DE", "KHAC"
KINDS = {
    TONG_KET: "Hội nghị tổng kết năm",
    SO_KET: "Hội nghị sơ kết 6 tháng",
    THUONG_KY: "Sinh hoạt thường kỳ (hằng tháng)",
    CHUYEN_DE: "Sinh hoạt chuyên đề",
    KHAC: "Hội nghị, cuộc họp khác",
}
# Cell meetings: monthly (Điều lệ Art. 24) and thematic at least quarterly.
CELL_ONLY_KINDS = (THUONG_KY, CHUYEN_DE)

RESOLUTION, CONCLUSION = "NGHI_QUYET", "KET_LUAN"
RESOLUTION_KINDS = {RESOLUTION: "Nghị quyết", CONCLUSION: "Kết luận"}

QUORUM = (2, 3)  # two thirds of those convened (DOMAIN §6)

as_codes(globals())  # membership tests answer no, never raise, for a value of the wrong kind
