import pytest

from models.core.bodies import bloc_commission, bloc_committee


@pytest.mark.parametrize("body", ["Ban Thường vụ Đảng ủy Khối", "BTV ĐUK", "Thường vụ ĐUK",
                                  "BCH Đảng bộ Khối các cơ quan tỉnh", "Ban Chấp hành Đảng bộ Khối",
                                  "Đảng ủy Khối các cơ quan tỉnh"])
def test_the_blocs_committee_however_it_is_written(body):
    assert bloc_committee(body) and not bloc_commission(body)


@pytest.mark.parametrize("body", ["Ủy ban Kiểm tra Đảng ủy Khối", "UỶ BAN KIỂM TRA ĐUK"])
def test_the_blocs_inspection_commission_is_not_its_committee(body):
    assert bloc_commission(body) and not bloc_committee(body)


@pytest.mark.parametrize("body", ["Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh",
                                  "Đảng ủy Sở Tài chính", "Hội đồng thi đua khối", "Dukes", ""])
def test_other_bodies_are_neither(body):
    assert not bloc_committee(body) and not bloc_commission(body)
