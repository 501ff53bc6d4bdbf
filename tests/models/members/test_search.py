from datetime import date

import pytest

from models.core import vocab as v
from models.members.events import record_event
from models.members.search import MemberFilter, member_ids, member_rows


def names(flt, **kwargs):
    ids = member_ids(flt, **kwargs)
    rows = member_rows(ids)
    return [rows[i].full_name for i in ids]


def test_accent_and_case_insensitive_search(make_member):
    make_member(full_name="Nguyễn Văn Đức")
    make_member(full_name="Trần Thị Dung", sex="F")
    assert names(MemberFilter(text="nguyen van duc")) == ["Nguyễn Văn Đức"]
    assert names(MemberFilter(text="ĐỨC")) == ["Nguyễn Văn Đức"]
    assert names(MemberFilter(text="đ")) == names(MemberFilter(text="d"))
    assert set(names(MemberFilter(text="d"))) == {"Nguyễn Văn Đức", "Trần Thị Dung"}


def test_search_text_is_plain_text_not_a_pattern(make_member):
    make_member(full_name="Nguyễn Văn An")
    assert names(MemberFilter(text="%")) == []
    assert names(MemberFilter(text="_")) == []
    assert names(MemberFilter(text="' OR 1=1 --")) == []


def test_search_by_card_number_prefix(make_member):
    make_member(full_name="Lê Văn Tám", card_number="00123456")
    assert names(MemberFilter(text="00123")) == ["Lê Văn Tám"]


def test_filter_by_org_includes_sub_organisations(bloc_tree, make_member):
    make_member(full_name="Nguyễn Văn An", org=bloc_tree["cell_a"])
    make_member(full_name="Nguyễn Văn Bình", org=bloc_tree["cell_b"])
    make_member(full_name="Nguyễn Văn Cường", org=bloc_tree["small"])
    assert names(MemberFilter(org_id=bloc_tree["base"].id)) == ["Nguyễn Văn An", "Nguyễn Văn Bình"]
    assert names(MemberFilter(org_id=bloc_tree["small"].id)) == ["Nguyễn Văn Cường"]
    assert len(names(MemberFilter(org_id=bloc_tree["bloc"].id))) == 3


def test_filters_by_membership_state_sex_and_age(make_member):
    old = make_member(full_name="Hoàng Văn Lão", birth_date=date(1950, 1, 1), admitted=date(1975, 1, 1))
    record_event(old.id, v.RECOGNISED, date(1976, 2, 1))
    make_member(full_name="Vũ Thị Xuân", sex="F", birth_date=date(1998, 6, 1),
                        admitted=date(2025, 1, 1))
    gone = make_member(full_name="Đỗ Văn Đi", admitted=date(2012, 1, 1))
    record_event(gone.id, v.TRANSFER_OUT, date(2020, 1, 1), place="Đảng bộ tỉnh khác",
                 decision_no="15-QĐ/ĐUK")
    on = date(2026, 1, 1)
    assert names(MemberFilter(membership=v.FULL, on=on)) == ["Hoàng Văn Lão"]
    assert names(MemberFilter(membership=v.PROBATIONARY, on=on)) == ["Vũ Thị Xuân"]
    assert names(MemberFilter(state="left", on=on)) == ["Đỗ Văn Đi"]
    assert len(names(MemberFilter(state="all", on=on))) == 3
    assert names(MemberFilter(sex="F", on=on)) == ["Vũ Thị Xuân"]
    assert names(MemberFilter(age_band="≤ 30", on=on)) == ["Vũ Thị Xuân"]
    assert names(MemberFilter(age_band="> 70", on=on)) == ["Hoàng Văn Lão"]
    assert names(MemberFilter(age_band="41 – 50", on=on)) == []


def test_age_band_edges(make_member):
    make_member(full_name="Lê Văn Ba", birth_date=date(1995, 1, 1), admitted=date(2020, 1, 1))
    # Exactly 31 on the day: in 31–40, not in ≤ 30.
    assert names(MemberFilter(age_band="31 – 40", on=date(2026, 1, 1))) == ["Lê Văn Ba"]
    assert names(MemberFilter(age_band="≤ 30", on=date(2025, 12, 31))) == ["Lê Văn Ba"]


def test_sorted_the_vietnamese_way_and_by_other_columns(bloc_tree, make_member):
    make_member(full_name="Nguyễn Văn Đức", org=bloc_tree["small"])
    make_member(full_name="Trần Văn Dũng", birth_date=date(1970, 1, 1))
    make_member(full_name="Lê Thị Ánh", sex="F", birth_date=date(1990, 1, 1))
    assert names(MemberFilter()) == ["Lê Thị Ánh", "Trần Văn Dũng", "Nguyễn Văn Đức"]
    assert names(MemberFilter(), sort="name", descending=True) == [
        "Nguyễn Văn Đức", "Trần Văn Dũng", "Lê Thị Ánh"]
    assert names(MemberFilter(), sort="birth_date") == [
        "Trần Văn Dũng", "Nguyễn Văn Đức", "Lê Thị Ánh"]
    # "Chi bộ Sở Tư pháp" after "Chi bộ Phòng Ngân sách"; within one cell, by name.
    assert names(MemberFilter(), sort="org", descending=True) == [
        "Nguyễn Văn Đức", "Lê Thị Ánh", "Trần Văn Dũng"]


# Whether many match decides how a page is found (walking an order's index, or sorting the
# matches; walking the tree or counting by organisation): each way must give the same list.
WAYS = pytest.mark.parametrize(("many", "walk_most"), [(2000, 100), (5, 100), (5, 2), (1, 1), (10**6, 1)])


@WAYS
def test_a_searched_name_keeps_each_order_of_the_whole_list(demo_clock, db, monkeypatch, many, walk_most):
    """A name searched for is sorted another way than the index's walk (by its column as
    text): the matches come in the order they hold in the whole list, pages joined included."""
    from models.demo.build import DemoSize, build_demo
    from models.members import search
    from models.members.search import SORTABLE, member_page

    monkeypatch.setattr(search, "MANY", many)
    monkeypatch.setattr(search, "WALK_MOST", walk_most)

    build_demo(DemoSize(orgs=6, members=500, seed=3))
    for sort in SORTABLE:
        for descending in (False, True):
            everyone = member_ids(MemberFilter(), sort, descending)
            for text in ("thi", "nguyen van", "an"):
                matching = set(member_ids(MemberFilter(text=text)))
                assert matching, text
                expected = [member_id for member_id in everyone if member_id in matching]
                assert member_ids(MemberFilter(text=text), sort, descending) == expected, (sort, text)
                pages = member_page(MemberFilter(text=text), sort, descending, limit=7)
                pages += member_page(MemberFilter(text=text), sort, descending, offset=7)
                assert pages == expected


@WAYS
def test_sorted_by_organisation_a_page_at_a_time_as_the_tree_lists_them(demo_clock, db, monkeypatch, many,
                                                                          walk_most):
    """Reported: sorting by organisation read and sorted every match (0.3–0.8 s a keystroke at
    100,000). Pages read only the organisations they fall in, and still join into the tree's
    order, by name within each organisation; members of no organisation come last."""
    from models.demo.build import DemoSize, build_demo
    from models.members import search
    from models.members.search import member_page
    from models.members.tables import Member
    from models.orgs.tree import org_rows, tree_order

    monkeypatch.setattr(search, "MANY", many)
    monkeypatch.setattr(search, "WALK_MOST", walk_most)

    build_demo(DemoSize(orgs=6, members=400, seed=5))
    Member.update(org=None).where(Member.id.in_(member_ids(MemberFilter())[:3])).execute()
    rank = {row.id: position for position, (_depth, row) in enumerate(tree_order(org_rows()))}
    for flt in (MemberFilter(), MemberFilter(text="thi"), MemberFilter(text="n"), MemberFilter(sex="F"),
                MemberFilter(org_id=org_rows()[-1].id), MemberFilter(text="khong ai co ten nay")):
        text = flt
        by_name = member_ids(flt)
        rows = member_rows(by_name)
        for descending in (False, True):
            expected = sorted(by_name, key=lambda i: rank.get(rows[i].org_id, len(rank)), reverse=descending)
            assert member_ids(flt, "org", descending) == expected, (text, descending)
            for size in (1, 7, 200):
                pages = []
                while more := member_page(flt, "org", descending, offset=len(pages), limit=size):
                    pages += more
                assert pages == expected, (text, descending, size)
