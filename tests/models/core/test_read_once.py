"""While a report's figures are counted the tree, the roster and the headcount at a date are
read once; outside that count, and on any other thread meanwhile, as they stand."""

import threading
from datetime import date

from models.core import vocab as v
from models.core.read_once import reading_once
from models.members.counts import headcount, roster_at
from models.members.tables import MemberEvent
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg
from models.orgs.tree import org_rows


def test_the_tree_is_read_once_within_the_count_only(bloc_tree, monkeypatch):
    reads = []
    real = PartyOrg.select
    monkeypatch.setattr(PartyOrg, "select", classmethod(lambda cls, *a: reads.append(1) or real(*a)))
    with reading_once():
        first = org_rows()
        with reading_once():  # nested: the same reading
            assert org_rows() == first
        seen_elsewhere = []
        worker = threading.Thread(target=lambda: seen_elsewhere.append(len(org_rows())))
        worker.start()
        worker.join()
    assert len(reads) == 2  # one here, one on the other thread
    create_org(name="Chi bộ Mới", level=v.CBTT, parent_id=bloc_tree["base"].id)
    assert len(org_rows()) == len(first) + 1 == seen_elsewhere[0] + 1


def test_the_roster_and_headcount_are_read_once_and_handed_out_as_copies(bloc_tree, make_member, monkeypatch):
    make_member(admitted=date(2015, 1, 1))
    reads = []
    real = MemberEvent.select
    monkeypatch.setattr(MemberEvent, "select", classmethod(lambda cls, *a: reads.append(1) or real(*a)))
    with reading_once():
        roster = roster_at(date(2024, 12, 31))
        roster.clear()  # a caller's own copy
        assert len(roster_at(date(2024, 12, 31))) == 1
        read = len(reads)
        assert headcount(date(2024, 12, 31)).total == headcount(date(2024, 12, 31)).total == 1
        assert len(reads) - read == 2  # the two grouped sums, once
    make_member(admitted=date(2016, 1, 1))
    assert len(roster_at(date(2024, 12, 31))) == 2  # outside the block: as it stands


def test_an_argument_left_to_its_default_is_the_same_question(bloc_tree, make_member, monkeypatch):
    """The report asks headcount(day) and the movement table headcount(day, None): one reading
    (at 100,000 members each is two grouped sums over the whole history)."""
    make_member(admitted=date(2015, 1, 1))
    reads = []
    real = MemberEvent.select
    monkeypatch.setattr(MemberEvent, "select", classmethod(lambda cls, *a: reads.append(1) or real(*a)))
    with reading_once():
        day = date(2024, 12, 31)
        assert headcount(day).total == headcount(day, None).total == headcount(day, org_id=None).total == 1
    assert len(reads) == 2


def test_a_table_handed_out_is_the_callers_own(bloc_tree):
    from models.orgs.tree import full_names
    with reading_once():
        names = full_names()
        names.clear()
        assert full_names()[bloc_tree["base"].id]
