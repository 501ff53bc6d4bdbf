"""The words of inspection, supervision and discipline (DOMAIN §5), as codes and labels."""

from models.core.codes import as_codes

# Who performs a case. The bloc's own bodies, then those of the grassroots level.
PERFORMERS = {
    "BCH_DUK": "Ban Chấp hành Đảng bộ Khối",
    "BTV_DUK": "Ban Thường vụ Đảng ủy Khối",
    "UBKT_DUK": "Ủy ban Kiểm tra Đảng ủy Khối",
    "CAP_UY_CO_SO": "Đảng ủy, chi bộ cơ sở",
    "UBKT_CO_SO": "Ủy ban Kiểm tra đảng ủy cơ sở",
    "CHI_BO_TRUC_THUOC": "Chi bộ dưới cơ sở",
}
BLOC_PERFORMERS = ("BCH_DUK", "BTV_DUK", "UBKT_DUK")
INSPECTION_COMMISSIONS = ("UBKT_DUK", "UBKT_CO_SO")

KINDS = {
    "KT_DAU_HIEU_VI_PHAM": "Kiểm tra khi có dấu hiệu vi phạm",
    "KT_THUC_HIEN_NV_KTGS_KL": "Kiểm tra thực hiện nhiệm vụ kiểm tra, giám sát, thi hành kỷ luật",
    "KT_TAI_CHINH_DANG": "Kiểm tra tài chính đảng",
    "KT_CHAP_HANH": "Kiểm tra chấp hành (theo chương trình)",
    "GS_THUONG_XUYEN": "Giám sát thường xuyên",
    "GS_CHUYEN_DE": "Giám sát chuyên đề",
    "GIAI_QUYET_TO_CAO": "Giải quyết tố cáo",
    "GIAI_QUYET_KHIEU_NAI": "Giải quyết khiếu nại kỷ luật",
}
# Inspections of how a lower body does its inspection tasks, and of its Party finances: the
# office reports the two of one organisation as one inspection.
TASK_KIND, FINANCE_KIND = "KT_THUC_HIEN_NV_KTGS_KL", "KT_TAI_CHINH_DANG"

TO_CHUC, CAP_UY_VIEN, DANG_VIEN = "TO_CHUC", "CAP_UY_VIEN", "DANG_VIEN"
SUBJECT_TYPES = {TO_CHUC: "tổ chức", DANG_VIEN: "đảng viên", CAP_UY_VIEN: "cấp ủy viên"}

PLANNED, IN_PROGRESS, CONCLUDED = "PLANNED", "IN_PROGRESS", "CONCLUDED"
STATUSES = {PLANNED: "Trong chương trình", IN_PROGRESS: "Đang tiến hành", CONCLUDED: "Đã kết luận"}

CONCLUSIONS = {
    "NONE": "Không vi phạm",
    "SHORTCOMINGS": "Có khuyết điểm",
    "VIOLATION": "Có vi phạm, chưa đến mức kỷ luật",
    "DISCIPLINE": "Có vi phạm, đến mức phải xem xét kỷ luật",
}

FORMS = {"KHIEN_TRACH": "Khiển trách", "CANH_CAO": "Cảnh cáo", "CACH_CHUC": "Cách chức",
         "KHAI_TRU": "Khai trừ", "GIAI_TAN": "Giải tán"}
ORG_FORMS = ("KHIEN_TRACH", "CANH_CAO", "GIAI_TAN")
FULL_MEMBER_FORMS = ("KHIEN_TRACH", "CANH_CAO", "CACH_CHUC", "KHAI_TRU")
PROBATIONARY_FORMS = ("KHIEN_TRACH", "CANH_CAO")

as_codes(globals())  # membership tests answer no, never raise, for a value of the wrong kind
