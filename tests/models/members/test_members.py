import unicodedata
from datetime import date

import pytest

from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.events import create_member
from models.members.record import get_member, get_photo, set_photo, update_member
from models.members.tables import Member, MemberEvent
from tests.conftest import person

OPEN = {"kind": v.ADMITTED, "date": date(2010, 3, 1)}


def opening(bloc_tree, **extra):
    return {**OPEN, "org_id": bloc_tree["cell_a"].id, **extra}


def test_probationary_member_without_full_date_is_recordable(bloc_tree):
    member = create_member(
        person(admission_date=date(2025, 6, 1), ceremony_date=date(2025, 6, 20)),
        opening(bloc_tree, date=date(2025, 6, 1)),
    )
    assert member.membership == v.PROBATIONARY
    assert member.full_member_date is None
    assert member.status == v.ACTIVE


def test_identifiers_keep_leading_zeros(bloc_tree):
    member = create_member(
        person(card_number="01234567", dossier_number="000123qn", identity_number="001080012345"),
        opening(bloc_tree),
    )
    stored = get_member(member.id)
    assert stored.card_number == "01234567"
    assert stored.dossier_number == "000123QN"
    assert stored.identity_number == "001080012345"


@pytest.mark.parametrize(
    "field, value, words",
    [
        ("card_number", "1234567", "8 chữ số"),
        ("card_number", "12345678a", "8 chữ số"),
        ("dossier_number", "12345QN", "6 chữ số"),
        ("identity_number", "12345", "12 chữ số"),
        ("full_name", "", "Nhập họ và tên"),
        ("full_name", "Đức", "đầy đủ họ và tên"),
        ("sex", None, "giới tính"),
        ("birth_date", None, "ngày sinh"),
        ("birth_date", date(2015, 1, 1), "18 tuổi"),
        ("birth_date", date(1850, 1, 1), "quá xa"),
    ],
)
def test_bad_fields_get_a_vietnamese_message_on_that_field(bloc_tree, field, value, words):
    with pytest.raises(ValidationError) as caught:
        create_member(person(**{field: value}), opening(bloc_tree))
    assert caught.value.field == field
    assert words.lower() in caught.value.message.lower()
    assert Member.select().count() == 0
    assert MemberEvent.select().count() == 0


def test_duplicate_card_number_names_the_holder(bloc_tree):
    create_member(person(card_number="01234567"), opening(bloc_tree))
    with pytest.raises(ValidationError) as caught:
        create_member(person(full_name="Trần Thị Hoa", card_number="01234567"), opening(bloc_tree))
    assert caught.value.field == "card_number"
    assert "Nguyễn Văn Đức" in caught.value.message
    assert Member.select().count() == 1


def test_party_dates_in_order(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        create_member(
            person(admission_date=date(2010, 3, 1), ceremony_date=date(2010, 3, 20),
                   full_member_date=date(2010, 12, 1)),
            opening(bloc_tree),
        )
    assert caught.value.field == "full_member_date"
    assert "20/03/2011" in caught.value.message
    with pytest.raises(ValidationError) as caught:
        create_member(person(admission_date=date(1995, 1, 1)), opening(bloc_tree))
    assert "chưa đủ 18 tuổi" in caught.value.message


def test_failed_opening_event_leaves_no_half_record(bloc_tree):
    with pytest.raises(ValidationError):
        create_member(person(), {"kind": v.RECOGNISED, "date": date(2010, 3, 1)})
    assert Member.select().count() == 0


def test_nfd_input_is_stored_nfc_and_searchable(bloc_tree):
    decomposed = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    member = create_member(person(full_name=decomposed, sex="F"), opening(bloc_tree))
    stored = get_member(member.id)
    assert stored.full_name == "Nguyễn Thị Ánh"
    assert stored.name_folded == "nguyen thi anh"


def test_update_changes_fields_not_state(bloc_tree):
    member = create_member(person(), opening(bloc_tree))
    update_member(member.id, person(full_name="Nguyễn Văn Đạt", residence="Tổ 5, phường Hồng Hà"))
    stored = get_member(member.id)
    assert stored.full_name == "Nguyễn Văn Đạt"
    assert stored.residence == "Tổ 5, phường Hồng Hà"
    assert stored.status == v.ACTIVE and stored.org_id == bloc_tree["cell_a"].id


def test_update_may_keep_own_card_number(bloc_tree):
    member = create_member(person(card_number="01234567"), opening(bloc_tree))
    update_member(member.id, person(card_number="01234567", note="đã đối chiếu"))
    assert get_member(member.id).note == "đã đối chiếu"


def test_photo_accepts_jpeg_and_refuses_other_files(bloc_tree):
    member = create_member(person(), opening(bloc_tree))
    jpeg = b"\xff\xd8\xff\xe0" + b"0" * 100
    set_photo(member.id, jpeg)
    assert get_photo(member.id) == jpeg
    with pytest.raises(ValidationError) as caught:
        set_photo(member.id, b"%PDF-1.4 not a photo")
    assert caught.value.field == "photo"
    assert get_photo(member.id) == jpeg
    set_photo(member.id, None)
    assert get_photo(member.id) is None


def test_a_probationary_member_cannot_carry_a_full_membership_date(bloc_tree):
    """Reported: transferred in as dự bị with Ngày chính thức 19/05/2021 was saved, printed both
    and counted a review overdue since 2021."""
    cell = bloc_tree["cell_a"].id
    fields = person(admission_date=date(2019, 5, 10), ceremony_date=date(2019, 5, 19),
                    full_member_date=date(2021, 5, 19))
    with pytest.raises(ValidationError) as refused:
        create_member(fields, {"kind": v.TRANSFER_IN, "date": date(2022, 3, 1), "org_id": cell,
                               "membership": v.PROBATIONARY})
    assert refused.value.field == "full_member_date"
    assert "chọn “Chính thức” ở mục “Là đảng viên”" in refused.value.message
    assert not Member.select().exists()  # nothing half-written
    member = create_member(fields, {"kind": v.TRANSFER_IN, "date": date(2022, 3, 1), "org_id": cell,
                                    "membership": v.FULL})
    assert member.membership == v.FULL and member.full_member_date == date(2021, 5, 19)

    new = person(full_name="Trần Thị Mai", admission_date=date(2025, 1, 6), ceremony_date=date(2025, 1, 6))
    admitted = create_member(new, {"kind": v.ADMITTED, "date": date(2025, 1, 6), "org_id": cell})
    with pytest.raises(ValidationError) as refused:
        update_member(admitted.id, {**new, "full_member_date": date(2026, 1, 6)})
    assert refused.value.field == "full_member_date"
    assert "Công nhận đảng viên chính thức" in refused.value.message
    assert get_member(admitted.id).full_member_date is None


def test_an_admission_before_the_birth_date_is_called_what_it_is(bloc_tree):
    """Reported: an admission dated before the birth date was reported only as "chưa đủ 18 tuổi"."""
    with pytest.raises(ValidationError) as refused:
        create_member(person(birth_date=date(1985, 3, 5), admission_date=date(1984, 6, 1)),
                      {"kind": v.ADMITTED, "date": date(2010, 3, 1), "org_id": bloc_tree["cell_a"].id})
    assert refused.value.field == "admission_date" and "ở trước ngày sinh 05/03/1985" in refused.value.message
