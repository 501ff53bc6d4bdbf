"""Codes stored in the database and the Vietnamese words a clerk sees for them."""

from models.core.codes import as_codes

# --- Organisation levels (DOMAIN §1) -------------------------------------------------
BLOC, DBCS, CBCS, DBBP, CBTT = "BLOC", "DBCS", "CBCS", "DBBP", "CBTT"
ORG_LEVELS = {
    BLOC: "Đảng bộ Khối",
    DBCS: "Đảng bộ cơ sở",
    CBCS: "Chi bộ cơ sở",
    DBBP: "Đảng bộ bộ phận",
    CBTT: "Chi bộ trực thuộc",
}
# Which level may sit under which.
ALLOWED_PARENTS = {
    BLOC: (),
    DBCS: (BLOC,),
    CBCS: (BLOC,),
    DBBP: (DBCS,),
    CBTT: (DBCS, DBBP),
}
GRASSROOTS = (DBCS, CBCS)  # tổ chức cơ sở đảng
CELLS = (CBCS, CBTT)  # where members are registered
GRASSROOTS_CELL_LIMIT = 30  # a chi bộ cơ sở of 30 or more should become a đảng bộ cơ sở

# Host agency types, after Biểu 5-BTCTW.
ORG_TYPES = {
    "DANG_DOAN_THE": "Cơ quan Đảng, Mặt trận, đoàn thể",
    "NHA_NUOC": "Cơ quan Nhà nước",
    "SU_NGHIEP_CONG_LAP": "Đơn vị sự nghiệp công lập",
    "SU_NGHIEP_NGOAI_CONG_LAP": "Đơn vị sự nghiệp ngoài công lập",
    "DN_NHA_NUOC": "Doanh nghiệp nhà nước",
    "DN_NGOAI_NHA_NUOC": "Doanh nghiệp ngoài nhà nước",
    "KHAC": "Loại hình khác",
}

# --- Members ---------------------------------------------------------------------------
SEXES = {"M": "Nam", "F": "Nữ"}

PROBATIONARY, FULL = "PROBATIONARY", "FULL"
MEMBERSHIPS = {PROBATIONARY: "Dự bị", FULL: "Chính thức"}

ACTIVE, TEMP_OUT, EXEMPT, SUSPENDED, TEMP_IN = "ACTIVE", "TEMP_OUT", "EXEMPT", "SUSPENDED", "TEMP_IN"
TRANSFERRED_OUT, STRUCK_OFF, RESIGNED, EXPELLED = (
    "TRANSFERRED_OUT", "STRUCK_OFF", "RESIGNED", "EXPELLED",
)
DECEASED, TEMP_ENDED = "DECEASED", "TEMP_ENDED"
STATUSES = {
    ACTIVE: "Đang sinh hoạt",
    TEMP_OUT: "Sinh hoạt tạm thời nơi khác",
    EXEMPT: "Miễn sinh hoạt",
    SUSPENDED: "Đình chỉ sinh hoạt",
    TEMP_IN: "Sinh hoạt tạm thời tại đây",
    TRANSFERRED_OUT: "Đã chuyển đi",
    STRUCK_OFF: "Đã xóa tên",
    RESIGNED: "Đã ra khỏi Đảng",
    EXPELLED: "Đã khai trừ",
    DECEASED: "Đã từ trần",
    TEMP_ENDED: "Hết sinh hoạt tạm thời",
}
# Counted where officially registered (DOMAIN §2): these make up the headcount.
COUNTED = (ACTIVE, TEMP_OUT, EXEMPT, SUSPENDED)
# Left the registry for good (readmission excepted).
LEFT = (TRANSFERRED_OUT, STRUCK_OFF, RESIGNED, EXPELLED, DECEASED, TEMP_ENDED)

POLITICAL_THEORY = ["", "Sơ cấp", "Trung cấp", "Cao cấp", "Cử nhân"]

# --- Member events (the status machine of DOMAIN §2) ------------------------------------
ADMITTED = "ADMITTED"
READMITTED = "READMITTED"
RECOGNISED = "RECOGNISED"
TRANSFER_IN = "TRANSFER_IN"
TRANSFER_OUT = "TRANSFER_OUT"
TEMP_OUT_START = "TEMP_OUT_START"
TEMP_OUT_RETURN = "TEMP_OUT_RETURN"
TEMP_IN_START = "TEMP_IN_START"
TEMP_IN_END = "TEMP_IN_END"
EXEMPTED = "EXEMPTED"
SUSPENDED_EVENT = "SUSPENDED"
RESUMED = "RESUMED"
MOVED = "MOVED"
STRUCK_OFF_EVENT = "STRUCK_OFF"
RESIGNED_EVENT = "RESIGNED"
EXPELLED_EVENT = "EXPELLED"
DECEASED_EVENT = "DECEASED"

EVENT_KINDS = {
    ADMITTED: "Kết nạp",
    READMITTED: "Kết nạp lại",
    RECOGNISED: "Công nhận đảng viên chính thức",
    TRANSFER_IN: "Chuyển sinh hoạt chính thức đến",
    TRANSFER_OUT: "Chuyển sinh hoạt chính thức đi",
    TEMP_OUT_START: "Chuyển sinh hoạt tạm thời đi",
    TEMP_OUT_RETURN: "Trở lại sau sinh hoạt tạm thời",
    TEMP_IN_START: "Tiếp nhận sinh hoạt tạm thời",
    TEMP_IN_END: "Kết thúc sinh hoạt tạm thời",
    EXEMPTED: "Miễn công tác và sinh hoạt đảng",
    SUSPENDED_EVENT: "Đình chỉ sinh hoạt",
    RESUMED: "Trở lại sinh hoạt",
    MOVED: "Chuyển sinh hoạt trong Đảng bộ Khối",
    STRUCK_OFF_EVENT: "Xóa tên",
    RESIGNED_EVENT: "Xin ra khỏi Đảng",
    EXPELLED_EVENT: "Khai trừ",
    DECEASED_EVENT: "Từ trần",
}
# Events that place the member in an organisation of the bloc: they need one.
EVENTS_WITH_ORG = (ADMITTED, READMITTED, TRANSFER_IN, TEMP_IN_START, MOVED)
# Events that may open a record (the member is not in the registry before).
OPENING_EVENTS = (ADMITTED, READMITTED, TRANSFER_IN, TEMP_IN_START)

# --- Awards (DOMAIN §9) and Party badges (DOMAIN §7) ---------------------------------------
AWARD_FORMS = {"CO": "Cờ thi đua", "BANG_KHEN": "Bằng khen", "GIAY_KHEN": "Giấy khen"}
ORG_RECIPIENT, MEMBER_RECIPIENT = "ORG", "MEMBER"
COLLECTIVE, PERSON = "COLLECTIVE", "PERSON"
AWARD_RECIPIENTS = {
    ORG_RECIPIENT: "Tổ chức đảng",
    MEMBER_RECIPIENT: "Đảng viên",
    COLLECTIVE: "Tập thể khác",
    PERSON: "Cá nhân khác",
}
# Reports count "14 tập thể, 08 cá nhân": organisations are collectives, members individuals.
COLLECTIVE_RECIPIENTS = (ORG_RECIPIENT, COLLECTIVE)
AWARD_ISSUERS = ["Ban Thường vụ Đảng ủy Khối", "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh",
                 "Ban Chấp hành Trung ương Đảng"]

as_codes(globals())  # membership tests answer no, never raise, for a value of the wrong kind
