"""Movements and models (DOMAIN §10): examples/002's sentences from entered data, word for
word (the article's own typos — "công trìnhvà", ‘‘ for “ — set right), money in the office's
style, counts carried across years; audited writes."""

from datetime import date

import pytest

from models.core import vocab as v
from models.core.errors import ValidationError
from models.movements import (
    CAMPAIGN,
    CONG_TRINH,
    FOCUS,
    MO_HINH,
    PILOT,
    REPLICATED,
    add_item,
    create_movement,
    create_social_org,
    movement_figures,
    register,
)
from models.orgs.changes import create_org
from reports.movement_words import campaign_sentences, movement_sentences
from reports.numbers import money
from tests.models.accounts.test_audit import assert_each_step_audited

START, END = date(2023, 1, 1), date(2023, 6, 30)
CAMPAIGN_002 = ("Chỉ đạo, hướng dẫn và 100% cơ sở, 3/3 tổ chức chính trị - xã hội trực thuộc đăng ký, triển"
                " khai xây dựng 55 mô hình, 39 công trình “Dân vận khéo làm theo lời Bác”, đến nay có 19 "
                "công trình và 05 mô hình đã hoàn thành với số tiền trị giá hơn 3,2 tỷ đồng.")
ROOMS_002 = ("Tiếp tục chỉ đạo triển khai, hướng dẫn xây dựng 04 mô hình Phòng Truyền thống - Tuyên "
             "truyền giáo dục tại cơ sở năm 2023, nâng số phòng truyền thống - Tuyên truyền giáo dục tại"
             " cơ sở lên 26 phòng.")
FOCUS_002 = ("Lựa chọn 37 chi bộ để tập trung lãnh đạo, nâng cao năng lực lãnh đạo, sức chiến đấu của tổ"
             " chức đảng và đảng viên trong toàn đảng bộ, trong đó mỗi đảng bộ cơ sở lựa chọn ít nhất 01"
             " chi bộ trực thuộc để tập trung lãnh đạo, chỉ đạo.")
PILOT_002 = ("Phát động thí điểm xây dựng “Chi bộ 4 Tốt” trong toàn Đảng bộ, kết quả có 51 chi bộ đăng "
             "ký thực hiện.")


def test_money_in_the_offices_style():
    assert money(3_234_000_000) == "hơn 3,2 tỷ đồng"
    assert money(3_200_000_000) == "3,2 tỷ đồng"
    assert money(3_000_000_000) == "3 tỷ đồng"
    assert money(12_500_000) == "12,5 triệu đồng"
    assert money(850_000) == "850.000 đồng"


def example_002(bloc_tree):
    base, small = bloc_tree["base"], bloc_tree["small"]
    cells = [create_org(name=f"Chi bộ Phòng {n}", level=v.CBTT, parent_id=base.id) for n in range(60)]
    when = date(2023, 2, 1)
    socials = [create_social_org(name) for name in ("Công đoàn Viên chức Khối", "Đoàn Thanh niên Khối",
                                                    "Hội Cựu chiến binh Khối")]
    campaign = create_movement({"name": "Dân vận khéo làm theo lời Bác", "kind": CAMPAIGN,
                                "start_date": date(2021, 1, 10)})
    for org in (base, small):
        register(campaign.id, when, org_id=org.id)
    for social in socials:
        register(campaign.id, when, social_org_id=social.id)
    for n in range(55):
        add_item(campaign.id, {"kind": MO_HINH, "name": f"Mô hình {n}", "org_id": base.id,
                               "registered_on": when, "completed_on": date(2023, 5, 1) if n < 5 else None,
                               "value": 0})
    for n in range(39):
        add_item(campaign.id, {"kind": CONG_TRINH, "name": f"Công trình {n}", "org_id": small.id,
                               "registered_on": when, "completed_on": date(2023, 4, 1) if n < 19 else None,
                               "value": 170_000_000 if n < 19 else None})
    rooms = create_movement({"name": "Phòng Truyền thống - Tuyên truyền giáo dục tại cơ sở",
                             "kind": REPLICATED, "start_date": date(2020, 3, 1),
                             "item_noun": "phòng truyền thống - Tuyên truyền giáo dục tại cơ sở",
                             "item_unit": "phòng", "count_before": 22})
    for n in range(4):
        add_item(rooms.id, {"kind": MO_HINH, "name": f"Phòng {n}", "org_id": base.id, "registered_on": when})
    focus = create_movement({"name": "Chi bộ tập trung lãnh đạo năm 2023", "kind": FOCUS, "start_date": when})
    pilot = create_movement({"name": "Chi bộ 4 Tốt", "kind": PILOT, "start_date": when})
    for n, cell in enumerate(cells):
        if n < 37:
            register(focus.id, when, org_id=cell.id)
        if n < 51:
            register(pilot.id, when, org_id=cell.id)


def test_the_sentences_of_example_002_come_back_word_for_word(bloc_tree):
    example_002(bloc_tree)
    figures = movement_figures(START, END)
    assert campaign_sentences(figures, START, END) == CAMPAIGN_002
    assert movement_sentences(figures, START, END) == " ".join((ROOMS_002, FOCUS_002, PILOT_002))


def test_rules_and_audit(bloc_tree):
    with pytest.raises(ValidationError) as caught:
        create_movement({"name": "Phòng truyền thống", "kind": REPLICATED, "start_date": date(2023, 1, 1)})
    assert caught.value.field == "item_noun"
    movement = create_movement({"name": "Dân vận khéo", "kind": CAMPAIGN, "start_date": date(2023, 1, 1)})
    register(movement.id, date(2023, 2, 1), org_id=bloc_tree["base"].id)
    with pytest.raises(ValidationError):
        register(movement.id, date(2023, 2, 1), org_id=bloc_tree["base"].id)
    with pytest.raises(ValidationError) as caught:
        add_item(movement.id, {"kind": MO_HINH, "name": "Vườn rau", "org_id": bloc_tree["base"].id,
                               "registered_on": date(2023, 3, 1), "completed_on": date(2023, 2, 1)})
    assert caught.value.field == "completed_on"
    from models.movements import delete_movement, remove_item, unregister, update_item

    box = {}
    assert_each_step_audited([
        ("social", lambda: box.update(s=create_social_org("Hội Phụ nữ Khối"))),
        ("register", lambda: box.update(e=register(movement.id, date(2023, 2, 1),
                                                   social_org_id=box["s"].id))),
        ("item", lambda: box.update(i=add_item(movement.id, {
            "kind": CONG_TRINH, "name": "Nhà tình nghĩa", "org_id": bloc_tree["small"].id,
            "registered_on": date(2023, 3, 1)}))),
        ("item done", lambda: update_item(box["i"].id, {
            "kind": CONG_TRINH, "name": "Nhà tình nghĩa", "org_id": bloc_tree["small"].id,
            "registered_on": date(2023, 3, 1), "completed_on": date(2023, 6, 1), "value": 60_000_000})),
        ("unregister", lambda: unregister(box["e"].id)),
        ("remove item", lambda: remove_item(box["i"].id)),
        ("delete movement", lambda: delete_movement(movement.id)),
    ])


def test_the_half_year_report_prints_them(bloc_tree, tmp_path):
    from docx import Document
    from pypdf import PdfReader

    import main

    example_002(bloc_tree)
    db = str(bloc_tree["bloc"]._meta.database.database)
    for name in ("bc.pdf", "bc.docx"):
        command = ["report", "half-year", "--year", "2023", "--db", db, "-o", str(tmp_path / name)]
        assert main.main(command) == 0
    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "bc.pdf").pages).split())
    for sentence in (CAMPAIGN_002, ROOMS_002, FOCUS_002, PILOT_002):
        assert sentence in pdf
    paragraphs = [p.text for p in Document(str(tmp_path / "bc.docx")).paragraphs]
    assert CAMPAIGN_002 in paragraphs and ROOMS_002 in paragraphs
    assert " ".join((FOCUS_002, PILOT_002)) in paragraphs


def test_each_sentence_stands_under_its_section_of_the_outline(bloc_tree):
    """Reported: the rooms sentence sat under “Công tác tổ chức xây dựng đảng”; the rooms are
    ideological work (DOMAIN §9: chính trị, tư tưởng)."""
    from reports.figures import period_figures
    from reports.outline import YEAR_END, fresh_draft

    example_002(bloc_tree)
    sections = {s.key: s for s in fresh_draft(YEAR_END, 2023, period_figures(START, END)).sections}
    keys = list(sections)
    assert sections["rooms"].text == ROOMS_002 and ROOMS_002 not in sections["movements"].text
    assert sections["movements"].text == " ".join((FOCUS_002, PILOT_002))
    assert keys.index("politics") < keys.index("rooms") < keys.index("organisation") < keys.index("movements")
