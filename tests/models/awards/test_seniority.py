"""Party seniority (DOMAIN §7): from the admission decision, minus the time out of the Party
before a readmission — checked against a day-by-day count."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from models.awards.seniority import MILESTONES, early_allowance_months, seniority_from
from models.core import vocab as v
from models.core.dates import add_months


@st.composite
def histories(draw):
    """An admission, then zero to two spells out of the Party each ended by a readmission."""
    admitted = draw(st.dates(date(1950, 1, 1), date(1990, 12, 31)))
    events, day = [(v.ADMITTED, admitted)], admitted
    for _ in range(draw(st.integers(0, 2))):
        left = day + timedelta(days=draw(st.integers(30, 3000)))
        back = left + timedelta(days=draw(st.integers(1, 2000)))
        kind = draw(st.sampled_from([v.STRUCK_OFF_EVENT, v.RESIGNED_EVENT, v.EXPELLED_EVENT]))
        events += [(kind, left), (v.READMITTED, back)]
        day = back
    return admitted, events


def _days_in_party(events, until: date) -> int:
    """Day by day: the naive reading of 'time in the Party'."""
    inside, count, timeline = False, 0, dict((day, kind) for kind, day in events)
    day = events[0][1]
    while day < until:
        kind = timeline.get(day)
        if kind in (v.ADMITTED, v.READMITTED):
            inside = True
        elif kind in (v.STRUCK_OFF_EVENT, v.RESIGNED_EVENT, v.EXPELLED_EVENT):
            inside = False
        count += inside
        day += timedelta(days=1)
    return count


@settings(max_examples=40, deadline=None)
@given(histories(), st.sampled_from(MILESTONES[:4]))
def test_milestone_day_is_when_time_in_the_party_reaches_the_years(history, milestone):
    admitted, events = history
    seniority = seniority_from(admitted, events)
    reaches = seniority.reaches(milestone)
    needed = (add_months(admitted, 12 * milestone) - admitted).days
    assert _days_in_party(events, reaches) == needed
    assert seniority.years_on(reaches) >= milestone
    assert seniority.years_on(reaches - timedelta(days=1)) < milestone


def test_readmitted_member_counts_from_the_first_admission_minus_the_gap():
    events = [(v.ADMITTED, date(1980, 3, 1)), (v.STRUCK_OFF_EVENT, date(1990, 3, 1)),
              (v.READMITTED, date(1992, 3, 1))]
    seniority = seniority_from(date(1980, 3, 1), events)
    assert seniority.gap_days == 731
    assert seniority.reaches(30) == date(2010, 3, 1) + timedelta(days=731)
    assert seniority.reaches(30) == date(2012, 3, 1)  # two years out, 2012 a leap year
    assert seniority.years_on(date(2012, 2, 29)) == 29
    assert seniority.years_on(date(2012, 3, 1)) == 30


def test_member_out_of_the_party_stops_ageing_and_the_decision_date_comes_first():
    events = [(v.ADMITTED, date(1985, 6, 1)), (v.EXPELLED_EVENT, date(2000, 6, 1))]
    seniority = seniority_from(date(1985, 5, 20), events)  # decision signed before the ceremony entry
    assert seniority.admitted_on == date(1985, 5, 20)
    assert seniority.out_since == date(2000, 6, 1)
    assert seniority.years_on(date(2030, 1, 1)) == 15
    assert seniority_from(None, []) is None


def test_early_award_window_is_longer_from_seventy_years():
    assert [early_allowance_months(m) for m in (30, 65, 70, 90)] == [12, 12, 24, 24]
