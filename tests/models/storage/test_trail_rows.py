"""The replay of the trail reads each table's rows as the database hands them (a model per row
was half of `check`'s time). What it compares must be what a model gives, value for value, on
both engines; and an edit made behind the program's back is still found."""

from models.accounts.audit import values_of
from models.demo.build import DemoSize, build_demo
from models.members.tables import Member
from models.storage.trail_replay import AUDITED, _stored_rows, table_differences


def _columns(model) -> list:
    return [(field.column_name, field) for field in model._meta.sorted_fields]


def test_rows_read_plainly_are_what_a_model_gives(demo_clock, db):
    from models.accounts.session import ADMIN
    from models.accounts.users import create_user

    build_demo(DemoSize(orgs=6, members=150, seed=4))
    create_user("quantri", "Quản Trị", ADMIN, "mat-khau-du-dai-1")  # a password's fingerprint too
    compared = 0
    for model in AUDITED:
        plainly = dict(_stored_rows(model, _columns(model)))
        as_models = {str(row.get_id()): values_of(row) for row in model.select()}
        assert plainly.keys() == as_models.keys(), model
        for record, values in plainly.items():
            assert values == {column: as_models[record][column] for column in values}, (model, record)
            compared += 1
    assert compared > 1000


def test_an_edit_behind_the_programs_back_is_found_as_a_model_would_read_it(demo_clock, db, engine):
    build_demo(DemoSize(orgs=3, members=40, seed=2))
    members = list(Member.select().order_by(Member.id).limit(4))
    day, stamp = members[1].birth_date.isoformat(), f"{members[2].created_at:%Y-%m-%d %H:%M:%S}"
    edits = [(members[0], Member.birth_date, "1980-02-30"),  # no such day: read back as text
             (members[1], Member.birth_date, f"{day} 00:00:00"),  # the same day written as a stamp
             (members[2], Member.created_at, f"{stamp}.000001"),  # the same second: the trail's grain
             (members[3], Member.created_at, "2020-01-01 08:00:00.000001")]
    if engine == "postgresql":  # a day that does not exist is refused by the server itself
        edits = edits[1:]
    for member, field, value in edits:
        Member.update({field: value}).where(Member.id == member.id).execute()
    found = {(record, column) for kind, record, column in table_differences(Member) if kind == "changed"}
    expected = {(str(members[0].id), "birth_date"), (str(members[3].id), "created_at")}
    assert found == (expected if engine == "sqlite" else expected - {(str(members[0].id), "birth_date")})
