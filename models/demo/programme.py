"""The demo's main targets: the last two years' and the term's, worded as the examples word
them, their thresholds set from the admission targets the demo already has; no random draw,
so the rest of the demo stays as it was."""

from datetime import date

from models.admissions.tables import AdmissionTarget
from models.targets.record import create_target
from models.targets.vocab import ABOVE, AT_LEAST, RANGE


def _admission_target(year_from: int, year_to: int) -> int | None:
    row = AdmissionTarget.get_or_none(AdmissionTarget.org.is_null() & (AdmissionTarget.year_from == year_from)
                                      & (AdmissionTarget.year_to == year_to))
    return row.value if row else None


def build_main_targets(today: date) -> int:
    made = 0
    for year in (today.year - 1, today.year):
        admissions = _admission_target(year, year)
        rows = [
            (f"Kết nạp {admissions} đảng viên mới", "kết nạp đảng viên mới", "ADMISSIONS", AT_LEAST,
             admissions, None, None),
            ("Trên 80% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên",
             "tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên", "ORG_GOOD", ABOVE, 80, None, None),
            ("Trên 85% đảng viên hoàn thành tốt nhiệm vụ trở lên",
             "đảng viên hoàn thành tốt nhiệm vụ trở lên", "MEMBER_GOOD", ABOVE, 85, None, None),
            ("10 – 15% đảng viên hoàn thành xuất sắc nhiệm vụ", "đảng viên hoàn thành xuất sắc nhiệm vụ",
             "MEMBER_EXCELLENT", RANGE, 10, 15, None),
            ("100% chi bộ sinh hoạt chuyên đề ít nhất mỗi quý một lần", "chi bộ sinh hoạt chuyên đề",
             "MANUAL_SHARE", AT_LEAST, 100, None, 100),
        ]
        for position, (wording, short, measure, comparator, low, high, result) in enumerate(rows, start=1):
            if low is None:
                continue
            create_target({"year_from": year, "year_to": year, "position": position, "wording": wording,
                           "short_name": short, "measure": measure, "comparator": comparator,
                           "threshold": low, "threshold_high": high, "result": result,
                           "source": "Báo cáo của các đảng ủy, chi bộ cơ sở" if result is not None else ""})
            made += 1
    term_from = today.year - 5
    term = _admission_target(term_from, today.year - 1)
    if term:
        create_target({"year_from": term_from, "year_to": today.year - 1,
                       "wording": f"Kết nạp {term} đảng viên mới trong nhiệm kỳ",
                       "short_name": "kết nạp đảng viên mới", "measure": "ADMISSIONS", "comparator": AT_LEAST,
                       "threshold": term})
        made += 1
    return made
