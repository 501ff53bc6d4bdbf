"""The member rating figures of a report, defined once: the body's sentence, the annex table
and the chart all read these lines, so they cannot disagree (reported: the body said 2.261
"hoàn thành tốt" at 88,95 % and 347 "xuất sắc" at 15,35 %; the annex 1.914 at 75,3 % and 347
at 13,65 %). Each line names the base its percentage is of (DOMAIN §9: two decimals)."""

from dataclasses import dataclass

from models.ratings import ADEQUATE, EXCELLENT, FAILED, RatingFigures
from reports.numbers import percent

MEMBER_PLACES = 2


@dataclass(frozen=True)
class RatingLine:
    key: str
    label: str
    count: int
    base: int
    base_label: str  # "so với số được đánh giá"

    @property
    def share(self) -> str:
        return percent(self.count, self.base, MEMBER_PLACES)


def member_rating_lines(r: RatingFigures) -> list[RatingLine]:
    rated = "so với số được đánh giá"
    return [
        RatingLine("rated", "Được đánh giá, xếp loại", r.rated, r.total_members, "so với tổng số đảng viên"),
        RatingLine("good", "Hoàn thành tốt nhiệm vụ trở lên", r.good_or_better, r.rated, rated),
        RatingLine(EXCELLENT, "trong đó: hoàn thành xuất sắc nhiệm vụ", r.member_levels.get(EXCELLENT, 0),
                   r.good_or_better, "so với số hoàn thành tốt trở lên"),
        RatingLine(ADEQUATE, "Hoàn thành nhiệm vụ", r.member_levels.get(ADEQUATE, 0), r.rated, rated),
        RatingLine(FAILED, "Không hoàn thành nhiệm vụ", r.member_levels.get(FAILED, 0), r.rated, rated),
        RatingLine("not_rated", "Chưa đánh giá", r.not_rated, r.total_members, "so với tổng số đảng viên"),
    ]


def line(lines: list[RatingLine], key: str) -> RatingLine:
    return next(item for item in lines if item.key == key)
