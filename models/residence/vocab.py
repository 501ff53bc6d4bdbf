"""The words of members' contact with their residence (DOMAIN §11)."""

from models.core.codes import as_codes

# HD 33 §1.1: introduced, but no yearly comment is taken; §1.2: not introduced at all.
EXEMPTIONS = {
    "": "Không miễn",
    "ARMED_FORCES": "Miễn nhận xét: quân đội, công an ở trong doanh trại (HD 33, 1.1)",
    "WORKS_AWAY": "Miễn nhận xét: thường xuyên đi công tác xa (HD 33, 1.1)",
    "STUDY": "Miễn nhận xét: đi học tập trung từ 12 tháng trở lên (HD 33, 1.1)",
    "STUDENT_AWAY": "Miễn nhận xét: học sinh, sinh viên ở xa nơi cư trú (HD 33, 1.1)",
    "SPECIAL_DUTY": "Miễn giới thiệu: làm nhiệm vụ đặc biệt (HD 33, 1.2)",
}
NOT_INTRODUCED_EXEMPTIONS = ("SPECIAL_DUTY",)
DAT, KHONG_DAT = "DAT", "KHONG_DAT"
RESULTS = {DAT: "Đạt", KHONG_DAT: "Không đạt"}

as_codes(globals())
