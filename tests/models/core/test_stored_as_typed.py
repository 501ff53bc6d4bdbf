"""What a clerk types is stored as typed, or refused with a message: invisible and bidi
control characters never reach a stored name, a note has a length limit, an identifier that
is not of its form is refused, not quietly changed."""

import pytest

from models.core.errors import ValidationError
from models.core.text import clean, clean_multiline
from models.members.events import record_event
from models.members.record import get_member, update_member
from models.orgs.changes import create_org
from tests.conftest import person

INVISIBLE = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200c", "\u200d", "\u200e", "\ufeff"]


@pytest.mark.parametrize("mark", INVISIBLE)
def test_invisible_and_bidi_characters_leave_names(make_member, mark):
    member = make_member()
    update_member(member.id, person(full_name=f"{mark}Nguyễn Văn{mark} Đức{mark}"))
    stored = get_member(member.id)
    assert stored.full_name == "Nguyễn Văn Đức"
    assert clean(f"Chi bộ{mark} Văn phòng") == "Chi bộ Văn phòng"
    assert clean_multiline(f"Dòng 1{mark}\nDòng 2") == "Dòng 1\nDòng 2"


def test_an_organisation_name_with_a_right_to_left_override_is_stored_clean(bloc_tree):
    org = create_org(name="Chi bộ \u202eTài chính", level="CBTT", parent_id=bloc_tree["base"].id)
    assert org.name == "Chi bộ Tài chính"


def test_a_huge_note_is_refused_and_the_old_one_kept(make_member):
    member = make_member()
    update_member(member.id, person(note="Ghi chú ngắn"))
    with pytest.raises(ValidationError) as refused:
        update_member(member.id, person(note="x" * 10_000_000))
    assert refused.value.field == "note" and "dài quá" in refused.value.message
    assert get_member(member.id).note == "Ghi chú ngắn"


def test_a_huge_event_note_is_refused(make_member):
    member = make_member()
    with pytest.raises(ValidationError) as refused:
        record_event(member.id, "EXEMPTED", __import__("datetime").date(2020, 1, 1), note="y" * 100_000)
    assert refused.value.field == "note"


@pytest.mark.parametrize("typed", ["-12345678", "1234-5678", "12.345.678", "+12345678", "1234567",
                                   "123456789"])
def test_a_card_number_not_of_eight_digits_is_refused(make_member, typed):
    member = make_member()
    with pytest.raises(ValidationError) as refused:
        update_member(member.id, person(card_number=typed))
    assert refused.value.field == "card_number"
    assert get_member(member.id).card_number is None


def test_a_card_number_typed_with_spaces_around_is_kept(make_member):
    member = make_member()
    update_member(member.id, person(card_number=" 01234567 "))
    assert get_member(member.id).card_number == "01234567"
