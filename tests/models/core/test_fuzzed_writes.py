"""Write functions called with values of every wrong kind answer with a ValidationError — a
message for the clerk — and never with another exception (a traceback)."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.admissions.targets import set_target
from models.core.errors import ValidationError
from models.meetings.record import create_meeting
from models.members.events import create_member, record_event
from models.orgs.changes import create_org
from models.ratings.grid import rate_members, rate_org

JUNK = st.one_of(st.none(), st.text(max_size=40), st.integers(), st.floats(), st.booleans(),
                 st.lists(st.integers(), max_size=2),
                 st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
                 st.dates(), st.binary(max_size=4), st.sampled_from(["CBCS", "EXEMPTED", "HTXSNV", "M", "F"]))


def answered(call) -> None:
    try:
        call()
    except ValidationError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=JUNK, b=JUNK, c=JUNK, which=st.integers(0, 6))
def test_junk_is_answered_with_a_message(make_member, bloc_tree, a, b, c, which):
    member = make_member(admitted=date(2010, 1, 1)) if which < 3 else None
    cell = bloc_tree["small"]
    calls = [
        lambda: record_event(member.id, a, b, decision_no=c),
        lambda: create_member({"full_name": a, "sex": b, "birth_date": c},
                              {"kind": "ADMITTED", "date": c, "org_id": cell.id}),
        lambda: rate_members(a, [(member.id, b, c, None)]),
        lambda: rate_org(a, cell.id, b, c),
        lambda: set_target(None, a, b, c),
        lambda: create_meeting({"body": "BTV_DUK", "kind": "KHAC", "date": a, "body_size": b, "minutes": c}),
        lambda: create_org(name=a, level=b, parent_id=c),
    ]
    answered(calls[which])
