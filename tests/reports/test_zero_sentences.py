"""Reported: "tăng 0 đồng chí, giảm 0 đồng chí", "cho 0 đồng chí" — a sentence about a zero
is left out or worded as the office would."""

from datetime import date

from reports.figures import period_figures
from reports.paragraphs import admission_paragraph, movement_paragraph


def test_a_quiet_year_has_no_zero_sentences(bloc_tree, make_member):
    make_member(admitted=date(2010, 3, 1))
    figures = period_figures(date(2023, 1, 1), date(2023, 12, 31))
    movement = movement_paragraph(figures)
    assert "0 đồng chí" not in movement
    assert movement == ("Số đảng viên đầu kỳ 1 đồng chí; trong năm 2023 không có đảng viên tăng hay giảm; "
                        "đến cuối kỳ có 1 đảng viên.")


def test_admissions_without_recognitions_say_nothing_of_them(bloc_tree, make_member):
    from models.admissions.targets import set_target

    set_target(None, 2023, 2023, 5)
    make_member(admitted=date(2023, 4, 1))
    text = admission_paragraph(period_figures(date(2023, 1, 1), date(2023, 12, 31)))
    assert "0 đồng chí" not in text and "Công nhận" not in text
    assert text.startswith("Trong năm 2023, toàn Đảng bộ kết nạp 1 đảng viên")


def test_only_additions_name_no_removals(bloc_tree, make_member):
    make_member(admitted=date(2010, 3, 1))
    make_member(full_name="Lê Văn Mới", admitted=date(2023, 4, 1))
    text = movement_paragraph(period_figures(date(2023, 1, 1), date(2023, 12, 31)))
    assert "tăng 1 đồng chí (kết nạp mới 1)" in text.lower() and "giảm" not in text


def test_no_discipline_entered_claims_nothing(bloc_tree):
    """Reported: "Không có tổ chức đảng, đảng viên bị thi hành kỷ luật." was printed whenever
    no discipline was entered, which is not the same as none having happened."""
    from models.inspections.cases import add_subject, create_inspection
    from reports.paragraphs import inspection_paragraph

    case = create_inspection({"performer": "BTV_DUK", "kind": "KT_CHAP_HANH", "status": "CONCLUDED",
                              "start_date": date(2023, 3, 1), "end_date": date(2023, 4, 1)})
    add_subject(case.id, "TO_CHUC", org_id=bloc_tree["small"].id)
    text = inspection_paragraph(period_figures(date(2023, 1, 1), date(2023, 12, 31)))
    assert text and "kỷ luật" not in text


def test_the_organisation_sentence_names_no_kind_with_none(bloc_tree, make_member):
    from reports.paragraphs import organisation_paragraph

    make_member(admitted=date(2010, 3, 1))
    text = organisation_paragraph(period_figures(date(2023, 1, 1), date(2023, 12, 31)))
    assert "với 1 đảng viên (1 đảng viên dự bị)." in text and "0 đảng viên" not in text
