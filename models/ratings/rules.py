"""The rating rules in force for a year, as data (DOMAIN §4). Rules change: each era is one
entry; the year picks it."""

from dataclasses import dataclass
from datetime import date

from models.core.codes import as_codes

EXCELLENT, GOOD, ADEQUATE, FAILED = "HTXSNV", "HTTNV", "HTNV", "KHTNV"
TSVM, WEAK = "TSVM", "YEU_KEM"
MEMBER_LEVELS = {EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ", GOOD: "Hoàn thành tốt nhiệm vụ",
                 ADEQUATE: "Hoàn thành nhiệm vụ", FAILED: "Không hoàn thành nhiệm vụ"}
NOT_RATED_REASONS = {
    "EXEMPT": "Miễn sinh hoạt",
    "SUSPENDED": "Đình chỉ sinh hoạt",
    "NEW_MEMBER": "Kết nạp chưa đủ 6 tháng",
    "NEW_ORG": "Tổ chức thành lập chưa đủ 6 tháng",
    "OTHER": "Lý do khác",
}


@dataclass(frozen=True)
class RuleSet:
    name: str
    org_levels: dict[str, str]  # in order, best first
    member_levels: dict[str, str]
    uses_score: bool  # the 100-point scale of QĐ 366-QĐ/TW
    excellent_cap: float = 0.20  # HTXSNV ≤ 20% of the base, within each grassroots organisation
    cap_base_includes_excellent: bool = False  # base: HTTNV only (default) or HTTNV + HTXSNV

    def level_for_score(self, score: int) -> str:
        """QĐ 366 point bands: ≥90, 70–<90, 50–<70, <50."""
        if score >= 90:
            return EXCELLENT
        if score >= 70:
            return GOOD
        if score >= 50:
            return ADEQUATE
        return FAILED


BEFORE_2018 = RuleSet(
    "Trước 2018 (tổ chức: trong sạch vững mạnh / hoàn thành tốt / hoàn thành / yếu kém)",
    {TSVM: "Trong sạch vững mạnh", GOOD: "Hoàn thành tốt nhiệm vụ", ADEQUATE: "Hoàn thành nhiệm vụ",
     WEAK: "Yếu kém"},
    MEMBER_LEVELS, uses_score=False,
)
FROM_2018 = RuleSet("QĐ 132-QĐ/TW, QĐ 124-QĐ/TW (bốn mức)", MEMBER_LEVELS, MEMBER_LEVELS, uses_score=False)
FROM_2025 = RuleSet("QĐ 366-QĐ/TW (thang 100 điểm)", MEMBER_LEVELS, MEMBER_LEVELS, uses_score=True)


def rules_for(year: int) -> RuleSet:
    if year < 2018:
        return BEFORE_2018
    if year < 2025:
        return FROM_2018
    return FROM_2025

as_codes(globals())  # membership tests answer no, never raise, for a value of the wrong kind


RATING_MONTH = 12  # cells and committees review and rate the year in its last month


def year_being_rated(today: date) -> int:
    """The year whose rating a clerk enters on `today`: this one from December, when the reviews
    are held, else the last (its results come in through the new year's first months)."""
    return today.year if today.month >= RATING_MONTH else today.year - 1
