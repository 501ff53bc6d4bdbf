from datetime import date

import pytest

from models.core import vocab as v
from models.core.errors import ValidationError
from models.inspections.cases import (
    add_subject,
    conclude_subject,
    create_inspection,
    inspection_history,
    record_discipline,
    update_inspection,
)
from models.inspections.figures import inspection_figures, programme
from models.members.events import record_event
from models.members.record import get_member
from models.orgs.changes import create_org
from models.orgs.tree import get_org
from reports.inspection_words import discipline_sentence, inspection_sentence

DONE = {"status": "CONCLUDED", "start_date": date(2023, 3, 1), "end_date": date(2023, 4, 1)}


@pytest.fixture
def many(bloc_tree, make_member):
    cells = [create_org(name=f"Chi bộ Phòng số {n}", level=v.CBTT, parent_id=bloc_tree["base"].id)
             for n in range(10)]
    members = [make_member(full_name=f"Nguyễn Văn Thứ {chr(65 + n)}a", org=bloc_tree["cell_a"])
               for n in range(24)]
    return {"orgs": cells, "members": members, "tree": bloc_tree}


def case_with(performer, kind, orgs=(), members=(), committee=(), org_id=None, **extra):
    case = create_inspection({"performer": performer, "kind": kind, "performer_org_id": org_id,
                              **DONE, **extra})
    for org in orgs:
        add_subject(case.id, "TO_CHUC", org_id=org.id)
    for member in members:
        add_subject(case.id, "DANG_VIEN", member_id=member.id)
    for member in committee:
        add_subject(case.id, "CAP_UY_VIEN", member_id=member.id)
    return case


EXAMPLE_002 = (
    "Ban Thường vụ Đảng ủy Khối đã thực hiện kiểm tra 03 tổ chức, 05 cấp ủy viên; giám sát chuyên đề "
    "03 tổ chức, 06 cấp ủy viên. Chỉ đạo Ủy ban Kiểm tra Đảng ủy Khối hoàn thành kiểm tra khi có dấu "
    "hiệu vi phạm đối với 01 tổ chức, 02 đảng viên, 02 cấp ủy viên; hoàn thành kiểm tra 01 tổ chức "
    "đảng về việc thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật của Đảng, kiểm tra tài "
    "chính đảng; giám sát chuyên đề đối với 01 tổ chức và 01 cấp ủy viên. Xây dựng kế hoạch giám sát "
    "chuyên đề 01 tổ chức, 01 cấp ủy viên. Cấp cơ sở thực hiện kiểm tra, giám sát: Cấp ủy, chi bộ cơ "
    "sở và dưới cơ sở kiểm tra 22 đảng viên; Đảng ủy cơ sở kiểm tra 09 chi bộ cấp dưới; Đảng ủy, chi "
    "bộ cơ sở và dưới cơ sở giám sát chuyên đề 03 tổ chức đảng cấp dưới và 07 đảng viên; Ủy ban Kiểm "
    "tra đảng ủy cơ sở kiểm tra dấu hiệu vi phạm 01 đảng viên; chi bộ dưới cơ sở kiểm tra dấu hiệu "
    "vi phạm 01 đảng viên.")


def enter_the_cases_of_example_002(many):
    orgs, people, tree = many["orgs"], many["members"], many["tree"]
    base, cell = tree["base"].id, tree["cell_a"].id
    case_with("BTV_DUK", "KT_CHAP_HANH", orgs=orgs[:3], committee=people[:5])
    case_with("BTV_DUK", "GS_CHUYEN_DE", orgs=orgs[3:6], committee=people[5:11])
    case_with("UBKT_DUK", "KT_DAU_HIEU_VI_PHAM", orgs=orgs[:1], members=people[:2], committee=people[2:4])
    # One organisation inspected on its inspection tasks and, the same time, on its finances.
    case_with("UBKT_DUK", "KT_THUC_HIEN_NV_KTGS_KL", orgs=orgs[4:5])
    case_with("UBKT_DUK", "KT_TAI_CHINH_DANG", orgs=orgs[4:5])
    case_with("UBKT_DUK", "GS_CHUYEN_DE", orgs=orgs[1:2], committee=people[:1])
    case_with("UBKT_DUK", "GS_CHUYEN_DE", orgs=orgs[2:3], committee=people[1:2], status="PLANNED",
              planned=True, plan_year=2023, start_date=None, end_date=None)
    case_with("CAP_UY_CO_SO", "KT_CHAP_HANH", members=people[:20], orgs=orgs[:9], org_id=base)
    case_with("CHI_BO_TRUC_THUOC", "KT_CHAP_HANH", members=people[20:22], org_id=cell)
    case_with("CAP_UY_CO_SO", "GS_CHUYEN_DE", orgs=orgs[:3], members=people[:5], org_id=base)
    case_with("CHI_BO_TRUC_THUOC", "GS_CHUYEN_DE", members=people[5:7], org_id=cell)
    case_with("UBKT_CO_SO", "KT_DAU_HIEU_VI_PHAM", members=people[:1], org_id=base)
    case_with("CHI_BO_TRUC_THUOC", "KT_DAU_HIEU_VI_PHAM", members=people[1:2], org_id=cell)


def test_the_paragraph_of_example_002_comes_back_out_word_for_word(many):
    enter_the_cases_of_example_002(many)
    figures = inspection_figures(date(2023, 1, 1), date(2023, 6, 30))
    assert inspection_sentence(figures) == EXAMPLE_002
    plain = inspection_sentence(figures, pad=0)
    assert plain.startswith("Ban Thường vụ Đảng ủy Khối đã thực hiện kiểm tra 3 tổ chức, 5 cấp ủy viên")


def test_a_finance_inspection_of_other_organisations_is_its_own_clause(many):
    orgs = many["orgs"]
    case_with("UBKT_DUK", "KT_THUC_HIEN_NV_KTGS_KL", orgs=orgs[:2])
    case_with("UBKT_DUK", "KT_TAI_CHINH_DANG", orgs=orgs[1:4])
    text = inspection_sentence(inspection_figures(date(2023, 1, 1), date(2023, 6, 30)))
    assert text == ("Chỉ đạo Ủy ban Kiểm tra Đảng ủy Khối hoàn thành kiểm tra 01 tổ chức đảng về việc "
                    "thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật của Đảng, kiểm tra tài "
                    "chính đảng; hoàn thành kiểm tra 01 tổ chức đảng về việc thực hiện nhiệm vụ kiểm "
                    "tra, giám sát và thi hành kỷ luật của Đảng; hoàn thành kiểm tra tài chính đảng "
                    "02 tổ chức đảng.")


def test_party_finance_inspection_only_by_an_inspection_commission(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        create_inspection({"performer": "BTV_DUK", "kind": "KT_TAI_CHINH_DANG", **DONE})
    assert "Ủy ban Kiểm tra" in caught.value.message


def test_case_rules(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        create_inspection({"performer": "UBKT_CO_SO", "kind": "GS_CHUYEN_DE", **DONE})
    assert caught.value.field == "performer_org"
    with pytest.raises(ValidationError) as caught:
        create_inspection({"performer": "BTV_DUK", "kind": "GS_CHUYEN_DE", "status": "CONCLUDED",
                           "start_date": date(2023, 3, 1)})
    assert caught.value.field == "end_date"
    case = create_inspection({"performer": "BTV_DUK", "kind": "GS_CHUYEN_DE", "status": "PLANNED",
                              "planned": True, "plan_year": 2023, "plan_month": 5})
    add_subject(case.id, "TO_CHUC", org_id=bloc_tree["small"].id)
    with pytest.raises(ValidationError):
        add_subject(case.id, "TO_CHUC", org_id=bloc_tree["small"].id)
    assert [(line.performer, line.planned, line.done) for line in programme(2023)] == [("BTV_DUK", 1, 0)]
    update_inspection(case.id, {"performer": "BTV_DUK", "kind": "GS_CHUYEN_DE", "planned": True,
                                "plan_year": 2023, **DONE})
    assert [(line.planned, line.done) for line in programme(2023)] == [(1, 1)]


def test_discipline_forms_per_subject(bloc_tree, make_member):
    probationer = make_member(admitted=date(2024, 3, 1))
    with pytest.raises(ValidationError) as caught:
        record_discipline("DANG_VIEN", "CACH_CHUC", "UBKT Đảng ủy Khối", "12-QĐ/UBKT",
                          date(2024, 8, 1), None, member_id=probationer.id)
    assert "chỉ có khiển trách, cảnh cáo; nếu không đủ tư cách đảng viên thì xóa tên" in caught.value.message
    record_discipline("DANG_VIEN", "CANH_CAO", "UBKT Đảng ủy Khối", "12-QĐ/UBKT", date(2024, 8, 1), None,
                      member_id=probationer.id)
    with pytest.raises(ValidationError):
        record_discipline("TO_CHUC", "KHAI_TRU", "BTV Đảng ủy Khối", "1-QĐ/ĐUK", date(2024, 8, 1), None,
                          org_id=bloc_tree["small"].id)


def test_expulsion_writes_the_expelled_event(bloc_tree, make_member):
    member = make_member(admitted=date(2010, 3, 1))
    record_event(member.id, v.RECOGNISED, date(2011, 3, 5))
    record_discipline("DANG_VIEN", "KHAI_TRU", "BTV Đảng ủy Khối", "45-QĐ/ĐUK", date(2024, 9, 10),
                      date(2024, 9, 12), member_id=member.id)
    stored = get_member(member.id)
    assert stored.status == v.EXPELLED
    assert "Kỷ luật khai trừ" in " ".join(line.text for line in inspection_history(member_id=member.id))


def test_dissolution_refused_while_members_remain(bloc_tree, make_member):
    make_member(org=bloc_tree["small"])
    with pytest.raises(ValidationError) as caught:
        record_discipline("TO_CHUC", "GIAI_TAN", "BTV Đảng ủy Khối", "2-QĐ/ĐUK", date(2024, 8, 1), None,
                          org_id=bloc_tree["small"].id)
    assert "còn 1 đảng viên" in caught.value.message
    assert get_org(bloc_tree["small"].id).dissolved_on is None
    empty = create_org(name="Chi bộ Trống", level=v.CBCS, parent_id=bloc_tree["bloc"].id)
    record_discipline("TO_CHUC", "GIAI_TAN", "BTV Đảng ủy Khối", "3-QĐ/ĐUK", date(2024, 8, 1), None,
                      org_id=empty.id)
    assert get_org(empty.id).dissolved_on == date(2024, 8, 1)


def test_discipline_sentence_and_history(bloc_tree, make_member):
    member = make_member(admitted=date(2024, 3, 1))
    case = case_with("UBKT_DUK", "KT_DAU_HIEU_VI_PHAM", members=[member])
    subject = case.subjects[0]
    conclude_subject(subject.id, "DISCIPLINE", "Kiểm điểm trước chi bộ", follow_up_done=True)
    record_discipline("DANG_VIEN", "KHIEN_TRACH", "UBKT Đảng ủy Khối", "7-QĐ/UBKT", date(2023, 5, 2),
                      None, member_id=member.id, case_id=case.id)
    record_discipline("TO_CHUC", "KHIEN_TRACH", "BTV Đảng ủy Khối", "8-QĐ/ĐUK", date(2023, 5, 3), None,
                      org_id=bloc_tree["small"].id)
    figures = inspection_figures(date(2023, 1, 1), date(2023, 12, 31))
    assert discipline_sentence(figures) == ("Thi hành kỷ luật 01 đảng viên (khiển trách 01) và "
                                            "01 tổ chức đảng (khiển trách 01).")
    lines = [line.text for line in inspection_history(member_id=member.id)]
    assert any("có vi phạm, đến mức phải xem xét kỷ luật" in line for line in lines)
    assert any(line.startswith("Kỷ luật khiển trách") for line in lines)
    assert inspection_history(org_id=bloc_tree["small"].id)[0].text.startswith("Kỷ luật khiển trách")
