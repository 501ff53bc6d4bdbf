"""The committees' work programme (DOMAIN §10): items by month, key tasks, schemes and
thematic resolutions; examples/002's counts in the report; what is due this month."""

from datetime import date

import pytest

from models.core.errors import ValidationError
from models.workplan import (
    DONE,
    ITEM,
    KEY_TASK,
    RESOLUTION,
    SCHEME,
    create_work_item,
    due_this_month,
    update_work_item,
    work_figures,
)
from reports.workplan_words import programme_sentence
from tests.models.accounts.test_audit import assert_each_step_audited


def item(**fields):
    return create_work_item({"year_from": 2023, "body": "BTV_DUK", "kind": ITEM, "content": "Nội dung",
                             **fields})


def test_the_counts_of_example_002(db):
    for month in range(1, 7):
        done = month < 6
        item(month=month, status=DONE if done else None, done_on=date(2023, month, 20) if done else None)
    item(month=9)  # later in the year: not in the half-year's count
    for n in range(5):
        item(kind=KEY_TASK, content=f"Nhóm nhiệm vụ {n + 1}")
    for n in range(5):
        item(kind=SCHEME, content=f"Đề án {n + 1}", year_from=2020, year_to=2025)
    item(kind=RESOLUTION, content="Nghị quyết chuyên đề về chuyển đổi số", year_from=2021, year_to=2025)
    figures = work_figures(date(2023, 1, 1), date(2023, 6, 30))
    assert programme_sentence(figures, "6 tháng đầu năm 2023", 2023) == (
        "Ban Chấp hành, Ban Thường vụ Đảng ủy Khối đã thực hiện 5/6 nội dung theo chương trình công tác 6 "
        "tháng đầu năm 2023; Kế hoạch thực hiện 05 nhóm nhiệm vụ trọng tâm năm 2023; tiếp tục triển khai 05 "
        "đề án, 01 nghị quyết chuyên đề.")
    assert [row.month for row in due_this_month(date(2023, 6, 15))] == [6]


def test_rules_and_audit(db):
    with pytest.raises(ValidationError) as caught:
        item(status=DONE)
    assert caught.value.field == "done_on"
    with pytest.raises(ValidationError) as caught:
        item(month=13)
    assert caught.value.field == "month"
    from models.workplan import delete_work_item

    box = {}
    assert_each_step_audited([
        ("add", lambda: box.update(i=item(month=3))),
        ("done", lambda: update_work_item(box["i"].id, {"year_from": 2023, "body": "BTV_DUK", "kind": ITEM,
                                                         "content": "Nội dung", "month": 3, "status": DONE,
                                                         "done_on": date(2023, 3, 30),
                                                         "carried_out_by": "Nghị quyết số 15-NQ/ĐUK"})),
        ("delete", lambda: delete_work_item(box["i"].id)),
    ])
