import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.core import vocab as v
from models.core.db import close_database, open_database
from models.core.errors import ValidationError
from models.members.counts import _last_states, bloc_totals, headcount, movement, roster_at
from models.members.events import create_member, history, record_event
from models.members.lifecycle import EMPTY, EventInput, apply
from models.members.tables import MemberEvent
from models.orgs.changes import create_org
from models.orgs.tree import subtree_ids
from tests.conftest import person

START = date(2000, 1, 1)


def test_headcount_and_movement_of_a_small_year(bloc_tree, make_member):
    a = make_member(admitted=date(2019, 5, 1))
    b = make_member(admitted=date(2020, 2, 1), full_name="Trần Thị Bình", sex="F")
    c = make_member(admitted=date(2010, 1, 1), org=bloc_tree["small"], full_name="Lê Văn Cường")
    record_event(a.id, v.RECOGNISED, date(2020, 5, 10))
    record_event(c.id, v.RECOGNISED, date(2011, 1, 5))
    record_event(c.id, v.MOVED, date(2020, 7, 1), org_id=bloc_tree["cell_b"].id)
    record_event(b.id, v.STRUCK_OFF_EVENT, date(2020, 11, 1))

    at_start = headcount(date(2019, 12, 31))
    assert (at_start.probationary, at_start.full) == (1, 1)
    year = movement(date(2020, 1, 1), date(2020, 12, 31))
    assert (year.opening, year.added, year.removed, year.closing) == (2, 1, 1, 2)
    assert year.additions[v.ADMITTED] == 1
    assert year.removals[v.STRUCK_OFF_EVENT] == 1 and year.struck_off_probationary == 1
    # Seen from the đảng bộ cơ sở, the move from the chi bộ cơ sở is a transfer in.
    base = movement(date(2020, 1, 1), date(2020, 12, 31), bloc_tree["base"].id)
    assert (base.opening, base.closing) == (1, 2)
    assert base.additions == {v.ADMITTED: 1, v.READMITTED: 0, v.TRANSFER_IN: 1}
    small = movement(date(2020, 1, 1), date(2020, 12, 31), bloc_tree["small"].id)
    assert (small.opening, small.removals[v.TRANSFER_OUT], small.closing) == (1, 1, 0)


def test_temporary_members_are_listed_not_counted(bloc_tree, make_member):
    make_member(admitted=date(2015, 1, 1))
    create_member(person(full_name="Phạm Thị Hà", sex="F"),
                  {"kind": v.TEMP_IN_START, "date": date(2024, 1, 1),
                   "org_id": bloc_tree["cell_a"].id, "membership": v.FULL})
    assert headcount(date(2024, 6, 1)).total == 1


KINDS = list(v.EVENT_KINDS)


@st.composite
def histories(draw):
    members = draw(st.integers(1, 6))
    plans = []
    for _ in range(members):
        steps = draw(st.lists(
            st.tuples(st.sampled_from(KINDS), st.integers(0, 900), st.integers(0, 3),  # 0: the same day
                      st.sampled_from([v.PROBATIONARY, v.FULL])),
            min_size=0, max_size=8,
        ))
        # Most histories open with an event that puts the member on the registry.
        opener = (draw(st.sampled_from(v.OPENING_EVENTS)), draw(st.integers(1, 900)),
                  draw(st.integers(0, 3)), draw(st.sampled_from([v.PROBATIONARY, v.FULL])))
        plans.append([opener, *steps])
    periods = draw(st.lists(
        st.tuples(st.integers(0, 6000), st.integers(0, 3000)), min_size=1, max_size=4))
    return plans, periods


def _replay_state_at(events, on):
    state = EMPTY
    for ev in events:
        if ev.date <= on:
            state = apply(state, ev)
    return state


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(histories())
def test_movement_always_balances(data):
    plans, periods = data
    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "h.db")
        try:
            _check_balances(plans, periods)
        finally:
            close_database()


def _check_balances(plans, periods):
    bloc = create_org(name="Đảng bộ Khối", level=v.BLOC)
    base = create_org(name="Đảng bộ A", level=v.DBCS, parent_id=bloc.id)
    cells = [
        create_org(name="Chi bộ 1", level=v.CBTT, parent_id=base.id),
        create_org(name="Chi bộ 2", level=v.CBTT, parent_id=base.id),
        create_org(name="Chi bộ cơ sở B", level=v.CBCS, parent_id=bloc.id),
        create_org(name="Chi bộ cơ sở C", level=v.CBCS, parent_id=bloc.id),
    ]
    accepted: dict[int, list[EventInput]] = {}
    for index, steps in enumerate(plans):
        day = START
        member = None
        for kind, gap, cell, membership in steps:
            day += timedelta(days=gap)
            org_id = cells[cell].id if kind in v.EVENTS_WITH_ORG else None
            try:
                if member is None:
                    member = create_member(
                        person(full_name=f"Nguyễn Văn {chr(65 + index)}"),
                        {"kind": kind, "date": day, "org_id": org_id, "membership": membership},
                    )
                else:
                    record_event(member.id, kind, day, org_id=org_id, membership=membership)
            except ValidationError:
                continue
        if member is not None:
            accepted[member.id] = [_as_input(row.id) for row in history(member.id)]
    for scope in (None, base.id, cells[2].id):
        ids = None if scope is None else subtree_ids(scope)
        for offset, length in periods:
            start = START + timedelta(days=offset)
            end = start + timedelta(days=length)
            table = movement(start, end, scope)
            assert table.opening + table.added - table.removed == table.closing
            expected = sum(
                1 for events in accepted.values()
                if (s := _replay_state_at(events, end)).counted and (ids is None or s.org_id in ids)
            )
            assert table.closing == expected
    for offset, length in periods:
        on = START + timedelta(days=offset + length)
        # The roster: each member's state after the last event (by day, then order of entry),
        # the same by SQLite's grouped max and by the window function the server uses.
        expected = sorted((member_id, s.org_id) for member_id, events in accepted.items()
                          if (s := _replay_state_at(events, on)).counted)
        assert sorted((member_id, org) for member_id, org, _m, _s in roster_at(on)) == expected
        assert sorted(_last_states(on, None, window=True)) == sorted(_last_states(on, None, window=False))
    # The home page's years: the bloc's totals on several days from one reading, as each day's own.
    days = [START + timedelta(days=offset + length) for offset, length in periods]
    days.append(START - timedelta(days=1))  # before anyone
    assert bloc_totals(days) == {day: headcount(day).total for day in days}


def _as_input(event_id):
    event = MemberEvent.get_by_id(event_id)
    return EventInput(event.kind, event.date, event.org_id, event.membership)


def test_headcount_by_grassroots_sums_cells(bloc_tree, make_member):
    from models.members.counts import headcount_by_grassroots

    make_member(org=bloc_tree["cell_a"])
    make_member(org=bloc_tree["cell_b"], full_name="Lê Văn Hai")
    late = make_member(org=bloc_tree["small"], full_name="Lê Văn Ba", admitted=date(2020, 1, 1))
    record_event(late.id, v.RECOGNISED, date(2021, 1, 10))
    rows = headcount_by_grassroots(date(2022, 1, 1))
    assert [(r.name, r.probationary, r.full) for r in rows] == [
        ("Đảng bộ Sở Tài chính", 2, 0), ("Chi bộ Sở Tư pháp", 0, 1)]
    assert [r.name for r in headcount_by_grassroots(date(2015, 1, 1))] == ["Đảng bộ Sở Tài chính"]


def test_reversed_period_is_refused(bloc_tree):
    import pytest

    with pytest.raises(ValidationError) as caught:
        movement(date(2024, 12, 31), date(2024, 1, 1))
    assert caught.value.field == "end"
