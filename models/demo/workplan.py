"""The demo's work programme: the last year and this year month by month (done up to last
month, one item postponed), five key task groups a year, the term's schemes and a thematic
resolution — no random draw, so the rest of the demo stays as it was."""

from datetime import date

from models.workplan.record import create_work_item
from models.workplan.vocab import DONE, ITEM, KEY_TASK, PLANNED, POSTPONED, RESOLUTION, SCHEME

MONTHLY = ("Hội nghị Ban Thường vụ thường kỳ; cho ý kiến chương trình công tác tháng",
           "Kiểm tra, giám sát theo chương trình của Ban Thường vụ",
           "Sơ kết công tác quý, triển khai nhiệm vụ quý tiếp theo")
KEY_TASKS = ("Nâng cao chất lượng sinh hoạt chi bộ", "Phát triển đảng viên trong khu vực doanh nghiệp",
             "Chuyển đổi số trong công tác đảng", "Kiểm tra, giám sát tổ chức đảng, đảng viên",
             "Xây dựng tổ chức chính trị - xã hội vững mạnh")
SCHEMES = ("Đề án nâng cao chất lượng tổ chức cơ sở đảng", "Đề án số hóa hồ sơ đảng viên",
           "Đề án đào tạo, bồi dưỡng cấp ủy viên cơ sở")


def build_workplan(today: date) -> int:
    made = 0
    for year in (today.year - 1, today.year):
        for month in range(1, 13):
            past = (year, month) < (today.year, today.month)
            status = POSTPONED if (year, month) == (today.year - 1, 8) else DONE if past else PLANNED
            done = status == DONE
            create_work_item({
                "year_from": year, "month": month, "body": "BTV_DUK" if month % 3 else "BCH_DUK",
                "kind": ITEM, "content": MONTHLY[month % 3], "in_charge": "Văn phòng Đảng ủy",
                "status": status,
                "done_on": date(year, month, 25) if done else None,
                "carried_out_by": f"Thông báo kết luận số {month + 10 * (year % 10)}-TB/ĐUK" if done else ""})
            made += 1
        for task in KEY_TASKS:
            create_work_item({"year_from": year, "body": "BCH_DUK", "kind": KEY_TASK, "content": task,
                              "status": PLANNED})
            made += 1
    term = today.year - 4
    for scheme in SCHEMES:
        create_work_item({"year_from": term, "year_to": term + 4, "body": "BCH_DUK", "kind": SCHEME,
                          "content": scheme, "in_charge": "Ban Tổ chức Đảng ủy", "status": PLANNED})
        made += 1
    create_work_item({"year_from": term, "year_to": term + 4, "body": "BCH_DUK", "kind": RESOLUTION,
                      "content": "Nghị quyết chuyên đề về nâng cao chất lượng đảng viên", "status": PLANNED})
    return made + 1
