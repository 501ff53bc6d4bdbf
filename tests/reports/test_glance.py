"""The home page's figures, from a real database file."""

from datetime import date

from reports.glance import ADMISSIONS, bloc_at_a_glance


def test_glance_counts_today_and_names_what_needs_attention(make_member, bloc_tree):
    today = date(2026, 11, 27)
    make_member(admitted=date(2010, 3, 1))
    make_member(full_name="Lê Văn Mới", admitted=date(2025, 11, 20))  # probation ends 20/11/2026
    glance = bloc_at_a_glance(today)
    assert (glance.members, glance.probationary) == (2, 2)  # neither was recognised full yet
    assert (glance.grassroots, glance.cells) == (2, 3)
    assert glance.admitted == 0 and glance.target is None
    review = [line for line in glance.attention if line.page == ADMISSIONS]
    assert review and review[0].text == "Xét chính thức: 2 hồ sơ"
    assert [(point.year, point.members, point.admitted) for point in glance.years] == [
        (2022, 1, 0), (2023, 1, 0), (2024, 1, 0), (2025, 2, 1), (2026, 2, 0)]
    assert glance.years[-1].until == today and glance.years[0].until is None
