"""Quotes, wildcards, SQL fragments, control characters and very long strings are stored
and found as plain text, or refused with a message — never run, never a crash."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.record import TEXT_FIELDS, get_member, update_member
from models.members.search import MemberFilter, member_ids
from models.members.tables import Member
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg
from models.orgs.tree import get_org
from tests.conftest import person

HOSTILE = [
    "O'Brien \"trích\"",
    "100% _đạt_",
    "'); DROP TABLE member; --",
    "\" OR 1=1 --",
    "a\\b\\\\c",
    "Robert'); DELETE FROM party_org WHERE ('1'='1",
    "%_%_%",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_every_member_field_is_kept_and_found(make_member, text):
    member = make_member(full_name="Nguyễn Văn Thử")
    fields = person(full_name=f"Nguyễn {text}".replace("1", "I").replace("0", "O"),
                    **{key: text for key in TEXT_FIELDS}, note=text)
    update_member(member.id, fields)
    stored = get_member(member.id)
    for key in TEXT_FIELDS:
        assert getattr(stored, key) == text
    assert stored.note == text
    assert Member.select().count() == 1 and PartyOrg.select().count() == 5
    assert member_ids(MemberFilter(text=text.replace("1", "I").replace("0", "O"))) == [member.id]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_matches_nothing_it_should_not(make_member, text):
    make_member(full_name="Nguyễn Văn An")
    assert member_ids(MemberFilter(text=text)) == []


def test_control_characters_are_dropped_and_long_text_refused(make_member):
    member = make_member()
    update_member(member.id, person(residence="Tổ\x00 1\x07, phường\x1b Hồng Hà"))
    assert get_member(member.id).residence == "Tổ 1, phường Hồng Hà"
    with pytest.raises(ValidationError) as caught:
        update_member(member.id, person(residence="x" * 10_000))
    assert caught.value.field == "residence"
    assert get_member(member.id).residence == "Tổ 1, phường Hồng Hà"
    assert member_ids(MemberFilter(text="x" * 10_000)) == []


def test_hostile_org_name_is_plain_text(bloc_tree):
    org = create_org(name="Chi bộ '; DROP TABLE party_org; --", level=v.CBTT,
                     parent_id=bloc_tree["base"].id)
    assert get_org(org.id).name == "Chi bộ '; DROP TABLE party_org; --"


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=60))
def test_any_text_in_notes_round_trips_or_is_refused(make_member, text):
    member = Member.get_or_none(Member.full_name == "Phạm Văn Ghi") or make_member(
        full_name="Phạm Văn Ghi", admitted=date(2010, 1, 1))
    update_member(member.id, person(full_name="Phạm Văn Ghi", occupation=text))
    from models.core.text import clean

    assert get_member(member.id).occupation == clean(text)
