"""Shared fixtures: a real SQLite file built by the migrations; Qt offscreen."""

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models import vocab as v  # noqa: E402
from models.db import close_database, open_database  # noqa: E402


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "dangvu.db")
    yield database
    close_database()


@pytest.fixture
def bloc_tree(db):
    """A bloc with one đảng bộ cơ sở (two cells) and one chi bộ cơ sở."""
    from models.orgs import create_org

    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC, code="ĐUK")
    base = create_org(name="Đảng bộ Sở Tài chính", level=v.DBCS, parent_id=bloc.id, code="ĐU")
    cell_a = create_org(name="Chi bộ Phòng Ngân sách", level=v.CBTT, parent_id=base.id)
    cell_b = create_org(name="Chi bộ Văn phòng Sở", level=v.CBTT, parent_id=base.id)
    small = create_org(name="Chi bộ Sở Tư pháp", level=v.CBCS, parent_id=bloc.id, code="CB")
    return {"bloc": bloc, "base": base, "cell_a": cell_a, "cell_b": cell_b, "small": small}


def person(**overrides) -> dict:
    fields = {
        "full_name": "Nguyễn Văn Đức",
        "sex": "M",
        "birth_date": date(1980, 5, 15),
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def make_member(bloc_tree):
    """Create a member admitted into a cell (cell_a unless told otherwise)."""
    from models.members import create_member

    def make(org=None, admitted=date(2010, 3, 1), **fields):
        org = org or bloc_tree["cell_a"]
        return create_member(person(**fields), {"kind": v.ADMITTED, "date": admitted, "org_id": org.id})

    return make
