"""Awards and Party badges for the demo database: last years' presentations done, so the
coming presentation day shows only who is newly due."""

import random
from datetime import date

from models.awards.awarding import (
    award_many,
    create_award,
    streak_campaign,
    streak_proposals,
    tsvm_campaign,
    tsvm_proposals,
)
from models.awards.badges import DUE, POSTHUMOUS, badge_list, present_badge
from models.awards.seniority import occasions_of
from models.core import clock
from models.core import vocab as v
from models.core.workdays import working_day_from

COLLECTIVES = ["Văn phòng Đảng ủy Khối", "Ban Tổ chức Đảng ủy Khối", "Ủy ban Kiểm tra Đảng ủy Khối",
               "Đoàn Thanh niên Khối các cơ quan tỉnh"]


def build_awards(rng: random.Random, years: list[int]) -> None:
    for year in years:
        decided = working_day_from(date(year + 1, 1, rng.randint(10, 25)))
        if decided > clock.today():
            continue
        common = {"issuer": "Ban Thường vụ Đảng ủy Khối", "decision_date": decided}
        top = [p for p in tsvm_proposals(year) if not p.already]
        chosen = rng.sample(top, min(len(top), 6))
        if chosen:
            award_many([(p.kind, p.record_id) for p in chosen], form="GIAY_KHEN",
                       campaign=tsvm_campaign(year), decision_no=f"{rng.randint(100, 400)}-QĐ/ĐUK", **common)
        streak = streak_proposals(year)
        if streak:  # the bloc's committee gives Giấy khen; Bằng khen is the province's (DOMAIN §7)
            award_many([(p.kind, p.record_id) for p in streak], form="GIAY_KHEN",
                       campaign=streak_campaign(year), decision_no=f"{rng.randint(100, 400)}-QĐ/ĐUK",
                       **common)
        for name in rng.sample(COLLECTIVES, 2):
            create_award(recipient_kind=v.COLLECTIVE, recipient_name=name, form="BANG_KHEN",
                         issuer="Ủy ban nhân dân tỉnh", campaign=f"Thành tích xuất sắc năm {year}",
                         decision_no=f"{rng.randint(1000, 4000)}/QĐ-UBND", decision_date=decided)


def build_badges(rng: random.Random, today: date) -> None:
    """Every presentation day of the last two years, everyone due given their badge."""
    days = [day for year in (today.year - 2, today.year - 1, today.year)
            for day, _name in occasions_of(year) if day < today]
    for number, day in enumerate(days, 1):
        for candidate in badge_list(day, with_early=False):
            if candidate.kind not in (DUE, POSTHUMOUS):
                continue
            present_badge(candidate.member_id, candidate.milestone, day, f"{number * 7}-QĐ/TU",
                          badge_number=f"{rng.randint(10**6, 10**7 - 1)}",
                          posthumous=candidate.kind == POSTHUMOUS)
