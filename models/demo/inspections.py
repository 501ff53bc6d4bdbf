"""A realistic year (or two) of inspection, supervision and discipline for the demo
database, written through the same functions the app uses."""

import random
from datetime import date, timedelta

from models.core import vocab as v
from models.core.workdays import working_day_from, working_day_until
from models.inspections.cases import add_subject, conclude_subject, create_inspection, record_discipline
from models.members.tables import Member
from models.orgs.tree import grassroots_of

BLOC_PLAN = [  # (performer, kind, organisations, committee members, members)
    ("BTV_DUK", "KT_CHAP_HANH", 3, 5, 0),
    ("BTV_DUK", "GS_CHUYEN_DE", 3, 6, 0),
    ("UBKT_DUK", "KT_DAU_HIEU_VI_PHAM", 1, 2, 2),
    ("UBKT_DUK", "KT_THUC_HIEN_NV_KTGS_KL", 1, 0, 0),
    ("UBKT_DUK", "KT_TAI_CHINH_DANG", 1, 0, 0),
    ("UBKT_DUK", "GS_CHUYEN_DE", 1, 1, 0),
]


VIOLATIONS = ("chưa gương mẫu chấp hành quy định về những điều đảng viên không được làm",
              "vi phạm nguyên tắc tập trung dân chủ trong lãnh đạo, điều hành tại cơ quan",
              "thiếu trách nhiệm trong lãnh đạo, chỉ đạo, để cơ quan xảy ra vi phạm trong quản lý tài chính")


def _full_members(rng: random.Random, count: int, org_ids: list[int] | None = None) -> list[int]:
    query = Member.select(Member.id).where((Member.membership == v.FULL) & Member.status.in_(v.COUNTED))
    if org_ids is not None:
        query = query.where(Member.org.in_(org_ids))
    ids = [row.id for row in query]
    return rng.sample(ids, min(count, len(ids)))


def _case(rng, performer, kind, start, today, orgs, committee, members, org_id=None):
    start = working_day_from(start)
    decided = working_day_until(start - timedelta(days=7))  # the week before
    done = working_day_from(start + timedelta(days=rng.randint(20, 45)))
    planned = start > today
    status = "PLANNED" if planned else ("CONCLUDED" if done <= today else "IN_PROGRESS")
    case = create_inspection({
        "performer": performer, "kind": kind, "performer_org_id": org_id, "status": status,
        "planned": kind in ("KT_CHAP_HANH", "GS_CHUYEN_DE", "KT_TAI_CHINH_DANG"),
        "plan_year": start.year, "plan_month": start.month,
        "decision_no": "" if planned else f"{rng.randint(1, 200)}-QĐ/ĐUK",
        "decision_date": None if planned else decided,
        "start_date": None if planned else start, "end_date": done if status == "CONCLUDED" else None,
        "title": "Việc lãnh đạo, chỉ đạo thực hiện nghị quyết năm",
    })
    for org in orgs:
        add_subject(case.id, "TO_CHUC", org_id=org)
    for member_id in committee:
        add_subject(case.id, "CAP_UY_VIEN", member_id=member_id)
    for member_id in members:
        add_subject(case.id, "DANG_VIEN", member_id=member_id)
    if status == "CONCLUDED":
        for subject in case.subjects:
            conclusion = rng.choices(["NONE", "SHORTCOMINGS", "VIOLATION"], weights=[6, 3, 1])[0]
            conclude_subject(subject.id, conclusion, "Khắc phục khuyết điểm đã chỉ ra"
                             if conclusion != "NONE" else "", follow_up_done=rng.random() < 0.6)
    return case


def build_inspections(rng: random.Random, today: date) -> int:
    grassroots = sorted({row.id for row in grassroots_of().values()})
    made = 0
    for year in (today.year - 1, today.year):
        for index, (performer, kind, orgs, committee, members) in enumerate(BLOC_PLAN):
            start = date(year, 2 + index * 2 % 10, rng.randint(1, 25))
            _case(rng, performer, kind, start, today, rng.sample(grassroots, min(orgs, len(grassroots))),
                  _full_members(rng, committee), _full_members(rng, members))
            made += 1
        for org_id in rng.sample(grassroots, min(15, len(grassroots))):
            cells = [cell for cell, owner in grassroots_of().items() if owner.id == org_id]
            start = date(year, rng.randint(3, 11), rng.randint(1, 25))
            _case(rng, "CAP_UY_CO_SO", "KT_CHAP_HANH", start, today, [], [],
                  _full_members(rng, rng.randint(1, 3), cells), org_id=org_id)
            made += 1
        if date(year, 6, 1) <= today:
            for index, (form, member_id) in enumerate(zip(("KHIEN_TRACH", "CANH_CAO", "KHIEN_TRACH"),
                                                          _full_members(rng, 3), strict=False)):
                # The commission decides most; a committee member's case goes to the standing committee.
                body, code = (("Ban Thường vụ Đảng ủy Khối", "ĐUK") if index == 2
                              else ("Ủy ban Kiểm tra Đảng ủy Khối", "UBKT"))
                decided = working_day_from(date(year, 5, rng.randint(2, 28)))
                record_discipline("DANG_VIEN", form, body, f"{rng.randint(1, 90)}-QĐ/{code}", decided, None,
                                  member_id=member_id, note=VIOLATIONS[index])
    return made
