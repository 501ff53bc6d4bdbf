"""Admission targets (chỉ tiêu) per year or congress term, for the bloc or a grassroots
organisation, and the admission figures of a period (DOMAIN §3, §9; Biểu 2-BTCTW)."""

from dataclasses import dataclass, field
from datetime import date

from models.accounts import session
from models.accounts.audit import log_delete, log_insert, log_update, values_of
from models.admissions.tables import AdmissionTarget
from models.core import vocab as v
from models.core.checks import record_number, whole_number, year_in
from models.core.dates import age_on
from models.core.db import database
from models.core.errors import Forbidden, NotFound, ValidationError
from models.members.tables import Member, MemberEvent
from models.orgs.tree import check_in_scope, get_org, grassroots_of, org_rows, subtree_ids

AGE_BANDS = {"18 – 30": (18, 30), "31 – 40": (31, 40), "41 – 50": (41, 50),
             "51 – 60": (51, 60), "Trên 60": (61, 200)}
MAJORITY_ETHNICITY = "kinh"


def set_target(org_id: int | None, year_from: int, year_to: int, value: int,
               note: str = "") -> AdmissionTarget:
    """One target per organisation (None: the whole bloc) and span of years; setting it again
    changes the value."""
    actor = session.require(session.WRITE_RECORDS)
    if org_id is None and actor.org_ids is not None:
        raise Forbidden("Chỉ người dùng không bị giới hạn tổ chức mới đặt chỉ tiêu toàn Khối.")
    if org_id is not None:
        org = get_org(org_id)
        if org.level not in v.GRASSROOTS:
            raise ValidationError("org", "Chỉ tiêu đặt cho Đảng bộ Khối hoặc tổ chức cơ sở đảng.")
        check_in_scope(org_id)
    year_from = year_in(year_from, "year_from", "Năm đầu", 1990, 2100)
    year_to = year_in(year_to, "year_to", "Năm cuối", 1990, 2100)
    if year_from > year_to:
        raise ValidationError("year_from", "Năm đầu ở sau năm cuối.")
    value = whole_number(value, "value", "Chỉ tiêu", 1, 100_000)
    with database.atomic():
        target = AdmissionTarget.get_or_none(
            (AdmissionTarget.org.is_null() if org_id is None else AdmissionTarget.org == org_id)
            & (AdmissionTarget.year_from == year_from) & (AdmissionTarget.year_to == year_to))
        if target is None:
            target = AdmissionTarget.create(org=org_id, year_from=year_from, year_to=year_to,
                                            value=value, note=note)
            log_insert(target)
        else:
            before = values_of(target)
            target.value, target.note = value, note
            target.save()
            log_update(target, before)
        return target


def remove_target(target_id: int) -> None:
    session.require(session.WRITE_RECORDS)
    with database.atomic():
        target = AdmissionTarget.get_or_none(AdmissionTarget.id == record_number(target_id))
        if target is None:
            raise NotFound("Chỉ tiêu này không còn nữa.")
        if target.org_id is not None:
            check_in_scope(target.org_id)
        log_delete(target)
        target.delete_instance()


def _admissions(query, start: date, end: date, org_id: int | None):
    query = query.where(MemberEvent.kind.in_([v.ADMITTED, v.READMITTED])
                        & (MemberEvent.date >= start) & (MemberEvent.date <= end))
    if org_id is not None:
        query = query.where(MemberEvent.org_after.in_(sorted(subtree_ids(org_id))))
    return query


def _admission_events(start: date, end: date, org_id: int | None):
    query = (MemberEvent.select(MemberEvent.kind, MemberEvent.date, Member.sex, Member.ethnicity,
                                Member.youth_union, Member.birth_date)
             .join(Member, on=(MemberEvent.member == Member.id)))
    return _admissions(query, start, end, org_id).tuples()


def admitted_count(start: date, end: date, org_id: int | None = None) -> int:
    """Counted from the events' index alone (kind, date, organisation): without the members
    joined, as every event has its member, a report's ten counts read no row."""
    return _admissions(MemberEvent.select(), start, end, org_id).count()


@dataclass(frozen=True)
class Progress:
    target: int | None
    actual: int
    year_from: int
    year_to: int

    @property
    def share(self) -> float | None:
        return self.actual * 100 / self.target if self.target else None


def progress(org_id: int | None, year_from: int, year_to: int | None = None) -> Progress:
    """Admitted in the years against the target set for exactly those years (None if unset)."""
    year_to = year_to or year_from
    target = AdmissionTarget.get_or_none(
        (AdmissionTarget.org.is_null() if org_id is None else AdmissionTarget.org == org_id)
        & (AdmissionTarget.year_from == year_from) & (AdmissionTarget.year_to == year_to))
    actual = admitted_count(date(year_from, 1, 1), date(year_to, 12, 31), org_id)
    return Progress(target.value if target else None, actual, year_from, year_to)


@dataclass(frozen=True)
class TargetLine:
    id: int
    org_id: int | None
    year_from: int
    year_to: int
    value: int
    actual: int


def target_lines() -> list[TargetLine]:
    """Every target with what was admitted against it, from one pass over the admissions of
    the years the targets span and one walk of the tree (not a query and a tree per target)."""
    targets = target_rows()
    if not targets:
        return []
    first, last = min(t[2] for t in targets), max(t[3] for t in targets)
    grassroots = grassroots_of(org_rows())
    by_year: dict[tuple[int | None, int], int] = {}
    admissions = (MemberEvent.select(MemberEvent.org_after, MemberEvent.date)
                  .where(MemberEvent.kind.in_([v.ADMITTED, v.READMITTED])
                         & (MemberEvent.date >= date(first, 1, 1)) & (MemberEvent.date <= date(last, 12, 31)))
                  .tuples())
    for org_id, day in admissions.iterator():
        by_year[(None, day.year)] = by_year.get((None, day.year), 0) + 1
        home = grassroots.get(org_id)
        if home is not None:
            by_year[(home.id, day.year)] = by_year.get((home.id, day.year), 0) + 1
    return [TargetLine(target_id, org_id, year_from, year_to, value,
                       sum(by_year.get((org_id, year), 0) for year in range(year_from, year_to + 1)))
            for target_id, org_id, year_from, year_to, value in targets]


def target_rows() -> list[tuple]:
    """(id, organisation id, years from, to, value) of every target, newest first."""
    return list(AdmissionTarget.select(AdmissionTarget.id, AdmissionTarget.org, AdmissionTarget.year_from,
                                       AdmissionTarget.year_to, AdmissionTarget.value)
                .order_by(AdmissionTarget.year_from.desc(), AdmissionTarget.id).tuples())


@dataclass(frozen=True)
class AdmissionFigures:
    start: date
    end: date
    admitted: int
    women: int
    ethnic_minority: int
    youth_union: int
    readmitted: int
    age_bands: dict[str, int] = field(default_factory=dict)
    recognised: int = 0
    struck_off_in_probation: int = 0


def admission_figures(start: date, end: date, org_id: int | None = None) -> AdmissionFigures:
    bands = dict.fromkeys(AGE_BANDS, 0)
    admitted = women = minority = youth = readmitted = 0
    for kind, day, sex, ethnicity, youth_union, birth in _admission_events(start, end, org_id):
        admitted += 1
        women += sex == "F"
        minority += bool(ethnicity) and ethnicity.strip().lower() != MAJORITY_ETHNICITY
        youth += bool(youth_union)
        readmitted += kind == v.READMITTED
        age = age_on(birth, day)
        for band, (low, high) in AGE_BANDS.items():
            if low <= age <= high:
                bands[band] += 1
    scope = sorted(subtree_ids(org_id)) if org_id is not None else None
    in_range = (MemberEvent.date >= start) & (MemberEvent.date <= end)
    recognised = MemberEvent.select().where(in_range & (MemberEvent.kind == v.RECOGNISED))
    struck = MemberEvent.select().where(in_range & (MemberEvent.kind == v.STRUCK_OFF_EVENT)
                                        & (MemberEvent.membership_before == v.PROBATIONARY))
    if scope is not None:
        recognised = recognised.where(MemberEvent.org_after.in_(scope))
        struck = struck.where(MemberEvent.org_before.in_(scope))
    return AdmissionFigures(start, end, admitted, women, minority, youth, readmitted, bands,
                            recognised.count(), struck.count())
