"""The list of admission cases reads the organisations once, not once a case: at a
100,000-member bloc a thousand open cases made the page's first showing 0.7 s of queries."""

from models.admissions.cases import case_rows, create_case, get_case, next_step
from models.core.db import database
from tests.models.admissions.test_admissions import candidate, take_to_ceremony

GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Oanh", "Phúc"]


def counted_queries(monkeypatch) -> list:
    seen = []
    original = database.obj.execute_sql  # the engine's handle: the proxy takes no attributes

    def counting(sql, params=None):
        seen.append(sql)
        return original(sql, params)

    monkeypatch.setattr(database.obj, "execute_sql", counting)
    return seen


def test_the_case_list_asks_a_fixed_number_of_queries(bloc_tree, monkeypatch):
    cells = [bloc_tree["cell_a"], bloc_tree["small"]]  # under a đảng bộ cơ sở; a chi bộ cơ sở
    for index, given in enumerate(GIVEN):
        create_case(candidate(cells[index % 2], full_name=f"Hoàng Thị {given}"))
    take_to_ceremony(get_case(1))
    queries = counted_queries(monkeypatch)
    rows = case_rows()
    assert len(rows) == len(GIVEN) and len(queries) <= 3, queries
    monkeypatch.undo()
    assert [row.next_step for row in rows] == [next_step(get_case(row.id)) for row in rows]
    assert rows[0].next_step != "course" and rows[1].next_step == "course"
