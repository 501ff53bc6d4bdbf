from datetime import date

import pytest

from models.admissions.targets import admission_figures, progress, remove_target, set_target, target_rows
from models.core import vocab as v
from models.core.errors import ValidationError
from models.members.events import create_member, record_event
from reports.numbers import achievement
from tests.conftest import person


def test_achievement_wording_as_reports_write_it():
    assert achievement(134, 200) == "đạt 67% chỉ tiêu"
    assert achievement(138, 120, "chỉ tiêu năm") == "vượt 15% chỉ tiêu năm"
    assert achievement(930, 930, "mục tiêu Đại hội") == "đạt 100% mục tiêu Đại hội"
    assert achievement(5, 0) == "chưa đặt chỉ tiêu"


def test_targets_per_year_and_term_with_progress(bloc_tree, make_member):
    for index in range(3):
        make_member(full_name=f"Nguyễn Văn {'ABC'[index]}x", admitted=date(2024, 3, 1 + index))
    make_member(full_name="Lê Văn Khác", admitted=date(2023, 3, 1), org=bloc_tree["small"])
    set_target(None, 2024, 2024, 4)
    set_target(bloc_tree["base"].id, 2024, 2024, 2)
    set_target(None, 2020, 2025, 4)
    bloc = progress(None, 2024)
    assert (bloc.actual, bloc.target) == (3, 4)
    assert achievement(bloc.actual, bloc.target) == "đạt 75% chỉ tiêu"
    base = progress(bloc_tree["base"].id, 2024)
    assert achievement(base.actual, base.target) == "vượt 50% chỉ tiêu"
    term = progress(None, 2020, 2025)
    assert achievement(term.actual, term.target, "mục tiêu Đại hội") == "đạt 100% mục tiêu Đại hội"
    set_target(None, 2024, 2024, 6)  # setting again changes the value, no duplicate
    assert progress(None, 2024).target == 6 and len(target_rows()) == 3
    assert progress(None, 2019).target is None
    remove_target(target_rows()[-1][0])
    assert len(target_rows()) == 2


def test_target_rules(bloc_tree):
    with pytest.raises(ValidationError):
        set_target(bloc_tree["cell_a"].id, 2024, 2024, 3)  # not a grassroots organisation
    with pytest.raises(ValidationError):
        set_target(None, 2025, 2024, 3)
    with pytest.raises(ValidationError):
        set_target(None, 2024, 2024, 0)


def test_admission_figures_with_breakdowns(bloc_tree, make_member):
    make_member(full_name="Lò Thị Hoa", sex="F", birth_date=date(1999, 5, 1), admitted=date(2024, 6, 1))
    from models.members.record import update_member

    woman = make_member(full_name="Hà Thị Lan", sex="F", birth_date=date(1985, 1, 1),
                        admitted=date(2024, 7, 1))
    update_member(woman.id, person(full_name="Hà Thị Lan", sex="F", birth_date=date(1985, 1, 1),
                                   ethnicity="Tày"))
    old = make_member(full_name="Trần Văn Cũ", admitted=date(2010, 1, 1))
    record_event(old.id, v.RECOGNISED, date(2011, 1, 5))
    record_event(old.id, v.STRUCK_OFF_EVENT, date(2015, 1, 5))
    record_event(old.id, v.READMITTED, date(2024, 9, 1), org_id=bloc_tree["cell_a"].id)
    failed = make_member(full_name="Vũ Văn Trượt", admitted=date(2023, 8, 1))
    record_event(failed.id, v.STRUCK_OFF_EVENT, date(2024, 5, 1))
    recognised = create_member(person(full_name="Đinh Văn Đủ"), {"kind": v.ADMITTED, "date": date(2023, 2, 1),
                                                                "org_id": bloc_tree["small"].id})
    record_event(recognised.id, v.RECOGNISED, date(2024, 2, 20))
    figures = admission_figures(date(2024, 1, 1), date(2024, 12, 31))
    assert (figures.admitted, figures.women, figures.ethnic_minority, figures.readmitted) == (3, 2, 1, 1)
    assert figures.age_bands["18 – 30"] == 1 and figures.age_bands["31 – 40"] == 1
    assert figures.age_bands["41 – 50"] == 1  # readmitted at 44
    assert (figures.recognised, figures.struck_off_in_probation) == (1, 1)
    small = admission_figures(date(2024, 1, 1), date(2024, 12, 31), bloc_tree["small"].id)
    assert (small.admitted, small.recognised) == (0, 1)


def test_all_targets_at_once_match_each_target_alone(demo_clock, db):
    """target_lines() counts every target from one pass; progress() one target at a time."""
    from models.admissions.targets import progress, set_target, target_lines
    from models.demo.build import DemoSize, build_demo
    from models.orgs.tree import grassroots_of

    build_demo(DemoSize(6, 300, 11))
    grassroots = sorted({row.id for row in grassroots_of().values()})
    for year in (2024, 2025):
        set_target(None, year, year, 20)
        set_target(grassroots[0], year, year, 3)
    set_target(grassroots[1], 2021, 2025, 9)
    lines = target_lines()
    assert len(lines) >= 5  # the demo sets targets of its own
    for line in lines:
        assert line.actual == progress(line.org_id, line.year_from, line.year_to).actual
    assert any(line.actual for line in lines)
