"""Many meetings at once (the demo's): the rows and the trail one by one would write, all or none."""

from datetime import date

import pytest

from models.accounts.audit import verify_chain
from models.core.errors import ValidationError
from models.meetings.bulk import create_meetings
from models.meetings.record import create_meeting
from models.meetings.tables import Meeting

COLUMNS = ("body", "org", "kind", "number", "title", "date", "time", "place", "chairs", "secretary",
           "standing_visitors", "minutes", "body_size", "search_folded", "version")


def _cell_meetings(bloc_tree) -> list[dict]:
    return [{"body": "CHI_BO", "org_id": bloc_tree[cell].id, "kind": kind, "date": date(2025, month, 10),
             "time": "14:00", "minutes": "Đánh giá  kết quả tháng.",
             "title": "Chuyển đổi số" if kind == "CHUYEN_DE" else ""}
            for cell in ("cell_a", "small") for month in (3, 4) for kind in ("THUONG_KY", "CHUYEN_DE")]


def test_many_meetings_are_the_rows_one_by_one_would_be_and_the_trail_holds(bloc_tree):
    meetings = _cell_meetings(bloc_tree)
    for fields in meetings:
        create_meeting(fields)
    assert create_meetings(meetings) == len(meetings)
    rows = [tuple(getattr(row, column if column != "org" else "org_id") for column in COLUMNS)
            for row in Meeting.select().order_by(Meeting.id)]
    assert rows[:len(meetings)] == rows[len(meetings):]
    chain = verify_chain()
    assert chain.intact and chain.entries >= 2 * len(meetings)


def test_one_meeting_refused_writes_none_and_the_committee_is_numbered_one_at_a_time(bloc_tree):
    meetings = _cell_meetings(bloc_tree)
    wrong = [*meetings, {**meetings[0], "org_id": bloc_tree["base"].id}]  # a đảng bộ is no cell
    with pytest.raises(ValidationError) as refused:
        create_meetings(wrong)
    assert "không phải chi bộ" in refused.value.message
    with pytest.raises(ValidationError):
        create_meetings([{"body": "BCH_DUK", "kind": "KHAC", "date": date(2025, 1, 7)}])
    assert Meeting.select().count() == 0
