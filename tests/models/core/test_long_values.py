"""A text longer than its column is refused in words, on both engines, and nothing is written.

Found on the server: a 300-character residence, social organisation or deciding body stopped
with PostgreSQL's "value too long for type character varying(255)"; a file stored it, and a
later move of that file to the server could not take it."""

from datetime import date

import pytest

from models.core.bulk import insert_rows
from models.core.errors import ValidationError
from models.inspections.tables import Discipline
from models.movements.record import create_social_org
from models.movements.tables import SocialOrg
from models.residence.contact import set_contact
from models.residence.tables import ResidenceContact

LONG = "Đảng bộ xã Hòa Bình mới " * 14  # 336 characters


def test_a_social_organisation_with_a_name_too_long_is_refused(bloc_tree):
    with pytest.raises(ValidationError, match="dài quá 255 ký tự") as refused:
        create_social_org(LONG)
    assert refused.value.field == "name" and "Đảng bộ xã Hòa Bình mới" in refused.value.message
    assert not SocialOrg.select().exists()
    assert create_social_org(LONG[:255]).name == LONG[:255].strip()


def test_a_residence_too_long_is_refused_and_the_old_one_kept(make_member):
    member = make_member()
    set_contact(member.id, "Đảng bộ phường Hồng Hà", "Chi bộ khu 1", date(2015, 1, 1))
    with pytest.raises(ValidationError, match="dài quá 255 ký tự") as refused:
        set_contact(member.id, LONG, "Chi bộ khu 1", date(2015, 1, 1))
    assert refused.value.field == "residence_org"
    kept = ResidenceContact.get(ResidenceContact.member == member.id)
    assert kept.residence_org == "Đảng bộ phường Hồng Hà"


def test_a_discipline_whose_deciding_body_is_too_long_is_refused(make_member):
    from models.inspections.cases import record_discipline

    member = make_member()
    with pytest.raises(ValidationError, match="dài quá 255 ký tự"):
        record_discipline("DANG_VIEN", "KHIEN_TRACH", LONG, "01-QĐ/UBKT", date(2024, 1, 5), date(2024, 1, 5),
                          member_id=member.id)
    assert not Discipline.select().exists()


def test_rows_written_at_once_are_held_to_the_same_lengths(bloc_tree):
    with pytest.raises(ValidationError, match="dài quá 255 ký tự"):
        insert_rows(SocialOrg, [{"name": "Hội Cựu chiến binh"}, {"name": LONG}])
    assert not SocialOrg.select().exists()


def test_a_number_beyond_what_the_server_column_holds_is_refused(bloc_tree):
    """A quarter's dues of 3 tỷ (a typo of zeros) was allowed up to 10^12 đồng: a file stored
    it and the server stopped with "integer out of range"."""
    from models.dues import set_entry
    from models.dues.tables import DuesEntry

    with pytest.raises(ValidationError, match="Đảng phí thu được phải từ 0 đến"):
        set_entry(bloc_tree["base"].id, 2025, 1, "3.000.000.000", 0)
    with pytest.raises(ValidationError, match="quá lớn"):
        insert_rows(SocialOrg, [{"name": "Hội Cựu chiến binh", "id": 2**31}])
    assert not DuesEntry.select().exists() and not SocialOrg.select().exists()


def test_a_meeting_title_is_held_to_what_its_form_says(bloc_tree):
    """The meeting form allowed 300 characters where its columns hold 255: a 280-character
    title passed the form's own check and was refused (on the server: stopped) below it."""
    from models.meetings.record import create_meeting
    from models.meetings.vocab import CHI_BO, THUONG_KY

    fields = {"body": CHI_BO, "org_id": bloc_tree["cell_a"].id, "kind": THUONG_KY, "date": date(2024, 3, 5),
              "title": "Sinh hoạt chi bộ thường kỳ " * 10}
    with pytest.raises(ValidationError, match="^Tối đa 255 ký tự") as refused:
        create_meeting(fields)
    assert refused.value.field == "title"
