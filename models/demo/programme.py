"""The demo's main targets (the last two years' and the term's, worded as the examples word
them, their thresholds set from the admission targets the demo already has) and members'
contact with their residence; no random draw, so the rest of the demo stays as it was."""

from datetime import date

from models.accounts.audit import log_bulk_inserts
from models.admissions.tables import AdmissionTarget
from models.core import clock
from models.core import vocab as v
from models.core.bulk import insert_rows
from models.members.counts import members_at
from models.members.tables import Member
from models.movements.record import add_item, create_movement, create_social_org, register
from models.movements.vocab import CAMPAIGN, CONG_TRINH, FOCUS, MO_HINH, PILOT, REPLICATED
from models.orgs.tree import grassroots_live_on, grassroots_of, org_rows
from models.residence.tables import ResidenceComment, ResidenceContact
from models.residence.vocab import DAT, KHONG_DAT
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
             "CELL_THEMATIC", AT_LEAST, 100, None, None),
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


WARDS = ("Hồng Hải", "Cao Xanh", "Bạch Đằng", "Hồng Hà", "Yết Kiêu", "Trần Hưng Đạo", "Giếng Đáy", "Hà Khẩu")
BATCH = 5_000


def build_residence(today: date) -> int:
    """Nine in ten members introduced to where they live (from 2020, when QĐ 213 began), a few
    exempt, and last year's comments, a few missing and a few "không đạt" — chosen by the
    member's number, not the random stream. Written in bulk with one audit entry a row."""
    year = today.year - 1
    people = members_at(date(year, 12, 31))
    admitted = dict(Member.select(Member.id, Member.admission_date).tuples().iterator())
    contacts, comments = [], []
    now = clock.now()
    for member_id, _org, _membership in people:
        if member_id % 10 == 0:
            continue  # not introduced yet: the list the office works through
        introduced = max(admitted.get(member_id) or date(2020, 3, 1), date(2020, 3, 1))
        exemption = "WORKS_AWAY" if member_id % 37 == 0 else ""
        contacts.append({"id": len(contacts) + 1, "member": member_id,
                         "residence_org": f"Đảng bộ phường {WARDS[member_id % len(WARDS)]}",
                         "residence_cell": f"Chi bộ khu {member_id % 12 + 1}", "introduced_on": introduced,
                         "exemption": exemption, "note": "", "updated_at": now})
        if exemption or member_id % 29 == 0 or introduced.year > year:
            continue
        failed = member_id % 53 == 0
        comments.append({"id": len(comments) + 1, "member": member_id, "year": year,
                         "result": KHONG_DAT if failed else DAT,
                         "note": "Chưa tham gia sinh hoạt tổ dân phố" if failed else "",
                         "received_on": date(year, 12, 5 + member_id % 20), "created_at": now})
    for model, rows in ((ResidenceContact, contacts), (ResidenceComment, comments)):
        for start in range(0, len(rows), BATCH):
            insert_rows(model, rows[start:start + BATCH])
            log_bulk_inserts(model._meta.table_name, rows[start:start + BATCH])
    return len(contacts)


SOCIAL_ORGS = ("Công đoàn Viên chức Khối", "Đoàn Thanh niên Khối", "Hội Cựu chiến binh Khối")


def build_movements(today: date) -> int:
    """A campaign with its mô hình and công trình, a replicated model counted across years,
    the cells chosen for focused leadership and a pilot — chosen by record number."""
    bases = sorted(row.id for row in grassroots_live_on(today))
    socials = [create_social_org(name) for name in SOCIAL_ORGS]
    campaign = create_movement({"name": "Dân vận khéo làm theo lời Bác", "kind": CAMPAIGN,
                                "start_date": date(today.year - 2, 1, 15)})
    joined = date(today.year - 2, 2, 20)
    for org_id in bases:
        register(campaign.id, joined, org_id=org_id)
    for social in socials:
        register(campaign.id, joined, social_org_id=social.id)
    for position, org_id in enumerate(bases):
        done = date(today.year - 1, 3 + position % 9, 10) if position % 3 else None
        add_item(campaign.id, {"kind": MO_HINH, "name": f"Mô hình dân vận khéo số {position + 1}",
                               "org_id": org_id, "registered_on": joined, "completed_on": done})
        if position % 2 == 0:
            add_item(campaign.id, {"kind": CONG_TRINH, "name": f"Công trình dân vận khéo số {position + 1}",
                                   "org_id": org_id, "registered_on": joined, "completed_on": done,
                                   "value": (position * 7 % 15 + 5) * 10_000_000 if done else None})
    rooms = create_movement({"name": "Phòng Truyền thống - Tuyên truyền giáo dục tại cơ sở",
                             "kind": REPLICATED, "start_date": date(2020, 3, 1), "count_before": 12,
                             "item_unit": "phòng",
                             "item_noun": "phòng truyền thống - Tuyên truyền giáo dục tại cơ sở"})
    for position, org_id in enumerate(bases[::5]):
        opened = date(today.year, 3, 1 + position % 27)
        if opened <= today:  # this year's rooms, as far as the year has gone
            add_item(rooms.id, {"kind": MO_HINH, "name": f"Phòng truyền thống số {position + 13}",
                                "org_id": org_id, "registered_on": opened})
    # The cells' registrations close on 1 March: before that, the bloc works on last year's lists.
    year = today.year if date(today.year, 3, 1) <= today else today.year - 1
    focus = create_movement({"name": f"Chi bộ tập trung lãnh đạo năm {year}", "kind": FOCUS,
                             "start_date": date(year, 1, 20)})
    pilot = create_movement({"name": "Chi bộ 4 Tốt", "kind": PILOT, "start_date": date(year, 2, 10)})
    cells_by_base: dict[int, list[int]] = {}
    owners = grassroots_of()
    for row in org_rows():
        if row.level == v.CBTT and row.dissolved_on is None and row.id in owners:
            cells_by_base.setdefault(owners[row.id].id, []).append(row.id)
    for cells in cells_by_base.values():
        register(focus.id, date(year, 2, 1), org_id=min(cells))
        for cell_id in cells:
            if cell_id % 3 == 0:
                register(pilot.id, date(year, 3, 1), org_id=cell_id)
    return 4

