"""The office's details against the Party's document form (DOMAIN §8): what would print a
header or signature off the form is named, with the wording that fits when one can be told."""

import pytest

from models.accounts.office import OfficeDetails, office_warnings, save_office_details
from models.core.errors import ValidationError

PROPER = OfficeDetails("Đảng ủy Khối các cơ quan tỉnh", "Đảng bộ tỉnh Lạng Sơn", "ĐUK", "Lạng Sơn",
                       "Hoàng Văn Nam", "Bí thư")


def test_the_proper_form_has_no_warning():
    assert office_warnings(PROPER) == {}
    assert set(office_warnings(OfficeDetails())) == {"signer_name"}


def test_a_committee_typed_for_the_superior_body_or_a_party_body_for_the_issuer_is_named():
    typed = OfficeDetails("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "TỈNH ỦY LẠNG SƠN", "ĐUK", "Lạng Sơn",
                          "Hoàng Văn Nam", "Bí thư")
    warnings = office_warnings(typed)
    assert set(warnings) == {"superior_body", "bloc_name"}
    assert warnings["superior_body"].suggestion == "ĐẢNG BỘ TỈNH LẠNG SƠN"
    assert "“ĐẢNG BỘ TỈNH LẠNG SƠN”" in warnings["superior_body"].message
    assert "“TỈNH ỦY LẠNG SƠN”" in warnings["superior_body"].message
    assert warnings["bloc_name"].suggestion == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
    city = office_warnings(OfficeDetails(PROPER.bloc_name, "Thành uỷ Hà Nội", "ĐUK", "Hà Nội", "A", "Bí thư"))
    assert city["superior_body"].suggestion == "Đảng bộ thành phố Hà Nội"
    other = office_warnings(OfficeDetails("Văn phòng", "Ủy ban nhân dân tỉnh", "ĐUK", "X", "A", "Bí thư"))
    assert other["superior_body"].suggestion == "" and other["bloc_name"].suggestion == ""


def changed(**fields) -> OfficeDetails:
    return OfficeDetails(**{**PROPER.__dict__, **fields})


def test_the_signer_signs_on_behalf_of_the_committee():
    warnings = office_warnings(changed(signer_title="K/T Bí thư", code="đuk"))
    assert warnings["signer_title"].suggestion == "Bí thư"
    assert warnings["code"].suggestion == "ĐUK"
    assert "signer_title" in office_warnings(changed(signer_title="Chánh Văn phòng"))
    assert office_warnings(changed(signer_title="Phó Bí thư")) == {}


def test_a_code_with_the_number_lines_own_marks_is_refused(db):
    with pytest.raises(ValidationError) as caught:
        save_office_details(changed(code="BC/ĐUK"))
    assert caught.value.field == "code"
