"""Meetings for the demo database, last year's and this year's up to today: the executive
committee each quarter (the year-end review in January, the half-year review in July), the
standing committee each month, and the cells' monthly and quarterly thematic meetings — a few
missed, as happens. Last year's are there for the reports printed in January (a demo built on
1 January had none at all, and its year-end report counted no cell meeting)."""

import random
from datetime import date, timedelta

from models.core import vocab as v
from models.core.dates import add_months
from models.core.workdays import add_working_days, is_working_day, working_day_until
from models.meetings.bulk import create_meetings
from models.meetings.record import (
    AttendanceLine,
    add_resolution,
    create_meeting,
    default_roster,
    set_attendance,
)
from models.meetings.vocab import BCH_DUK, BTV_DUK, CHI_BO, CHUYEN_DE, KHAC, SO_KET, THUONG_KY, TONG_KET
from models.orgs.tree import org_rows

GUESTS = ["đồng chí Trần Duy Hùng - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy",
          "đồng chí Giáp Thị Bắc - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy"]
# Named people, as a real record names them (a placeholder "đồng chí Bí thư" showed in minutes).
CHAIR = "đồng chí Nguyễn Đức Thành - Bí thư Đảng ủy Khối"
SECRETARY = "Lê Thị Thu Hà"
VISITORS = ["đồng chí Phó Bí thư Thường trực Đảng ủy Khối", "đồng chí Trưởng Ban Tổ chức Đảng ủy Khối",
            "đồng chí Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối"]
THEMES = ["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
          "Nâng cao chất lượng sinh hoạt chi bộ", "Phòng, chống suy thoái tư tưởng chính trị",
          "Chuyển đổi số trong cơ quan"]
ATTENDANCE_MONTHS = 2  # full attendance sheets for the last months only, to keep the demo quick


def _weekday(rng: random.Random, year: int, month: int, latest: date) -> date | None:
    """A working day of the month (never a weekend or a holiday such as Tết), None when it is
    still to come."""
    chosen = day = date(year, month, rng.randint(3, 25))
    while not is_working_day(day):
        day += timedelta(days=1)
    if day.month != month:  # Tết's holidays at the month's end: the working day before them
        day = working_day_until(chosen)
    return day if day <= latest else None


def _months(today: date) -> list[tuple[int, int]]:
    """(year, month) from last January to this month."""
    return [(year, month) for year in (today.year - 1, today.year) for month in range(1, 13)
            if (year, month) <= (today.year, today.month)]


def _monthly_meeting(rng: random.Random, cell_id: int, day: date, visited: set[int], detailed: bool,
                     later: list[dict]) -> None:
    """A cell's regular meeting: with its attendance sheet for the last months (a few ill),
    else put in `later`, written with the others at once."""
    visitor = rng.choice(VISITORS) if cell_id in visited and day.month == 3 else ""
    fields = {"body": CHI_BO, "org_id": cell_id, "kind": THUONG_KY, "date": day, "time": "14:00",
              "standing_visitors": visitor,
              "minutes": "Đánh giá kết quả thực hiện nhiệm vụ tháng, đề ra nhiệm vụ tháng tới."}
    if not detailed:
        later.append(fields)
        return
    meeting = create_meeting(fields)
    set_attendance(meeting.id, [
        line if rng.random() > 0.08 or not line.present else
        AttendanceLine(line.member_id, line.name, line.membership, line.exempt, False, "Ốm")
        for line in default_roster(meeting.id)])


def build_meetings(rng: random.Random, today: date) -> int:
    made = 0
    for year, month in _months(today):
        day = _weekday(rng, year, month, today)
        if day is None:
            break
        create_meeting({"body": BTV_DUK, "kind": KHAC, "date": day, "time": "08:00",
                        "place": "Phòng họp Đảng ủy Khối", "chairs": CHAIR, "secretary": SECRETARY,
                        "body_size": 9,
                        "title": f"Hội nghị Ban Thường vụ Đảng ủy Khối tháng {month}/{year}"})
        made += 1
        # The committee meets the working day after the standing committee: not yet when that
        # is still to come.
        if month in (1, 4, 7, 10) and add_working_days(day, 1) <= today:
            kind = TONG_KET if month == 1 else SO_KET if month == 7 else KHAC
            meeting = create_meeting({
                "body": BCH_DUK, "kind": kind, "date": add_working_days(day, 1), "time": "08:00",
                "place": "Hội trường Đảng ủy Khối", "chairs": CHAIR, "secretary": SECRETARY, "body_size": 33,
                "guests": rng.choice(GUESTS), "presenters": "đồng chí Phó Bí thư Thường trực Đảng ủy Khối"})
            absent = rng.sample(range(33), rng.randint(1, 5))
            set_attendance(meeting.id, [
                AttendanceLine(None, f"Ủy viên Ban Chấp hành số {n + 1}", present=n not in absent,
                               absence_reason="Đi công tác" if n in absent else "")
                for n in range(33)])
            add_resolution(meeting.id, {"kind": "NGHI_QUYET", "number": f"{month:02d}-NQ/ĐUK",
                                        "text": "Nghị quyết hội nghị", "votes_for": 33 - len(absent)})
            made += 1
    cells = [row for row in org_rows() if row.level in v.CELLS and not row.dissolved]
    visited = set(rng.sample([cell.id for cell in cells], min(7, len(cells))))
    detailed_from = add_months(date(today.year, today.month, 1), -ATTENDANCE_MONTHS + 1)
    later: list[dict] = []
    for cell in cells:
        diligence = rng.random()
        for year, month in _months(today):
            day = _weekday(rng, year, month, today)
            if day is None:
                break
            if rng.random() >= 0.03 + 0.1 * (diligence < 0.1):  # else a missed month
                _monthly_meeting(rng, cell.id, day, visited, day >= detailed_from, later)
                made += 1
            # The quarter's thematic meeting the working day after: kept by nearly every cell.
            themed = add_working_days(day, 1)
            if month % 3 == 0 and themed <= today and rng.random() < 0.97 + 0.03 * diligence:
                later.append({"body": CHI_BO, "org_id": cell.id, "kind": CHUYEN_DE, "date": themed,
                              "title": rng.choice(THEMES)})
                made += 1
    create_meetings(later)
    return made
