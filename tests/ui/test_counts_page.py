from datetime import date

from models.core import vocab as v
from models.members.counts import movement
from models.members.events import record_event
from tests.conftest import finish
from ui.counts.page import CountsPage
from ui.counts.tables import GrassrootsTableModel, MovementTableModel, movement_lines


def test_movement_table_model(qtmodeltester, make_member):
    make_member(admitted=date(2020, 5, 1))
    model = MovementTableModel()
    model.set_movement(movement(date(2020, 1, 1), date(2020, 12, 31)))
    qtmodeltester.check(model)
    labels = [model.index(r, 0).data().strip() for r in range(model.rowCount())]
    assert labels[0].startswith("A. Số đảng viên đầu kỳ (ngày 01/01/2020)")
    assert model.index(labels.index("Kết nạp mới"), 1).data() == "1"
    assert labels[-1].startswith("D.")


def test_movement_lines_keep_the_struck_off_probationary_line(make_member):
    member = make_member(admitted=date(2020, 5, 1))
    record_event(member.id, v.STRUCK_OFF_EVENT, date(2020, 10, 1))
    lines = movement_lines(movement(date(2020, 1, 1), date(2020, 12, 31)))
    words = {label.strip(): number for label, number, _total in lines}
    assert words["Xóa tên"] == 1 and words["trong đó đảng viên dự bị"] == 1
    assert words["C. Giảm trong kỳ"] == 1


def test_grassroots_table_model(qtmodeltester, bloc_tree, make_member):
    from models.members.counts import headcount_by_grassroots

    make_member(org=bloc_tree["cell_a"])
    model = GrassrootsTableModel()
    model.set_rows(headcount_by_grassroots(date(2024, 1, 1)))
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(4)] == ["Đảng bộ Sở Tài chính", "1", "0", "1"]


def test_counts_page_computes_for_a_period_and_rejects_reversed_dates(qtbot, bloc_tree, make_member):
    make_member(admitted=date(2019, 5, 1))
    make_member(admitted=date(2021, 5, 1), full_name="Lê Văn Hai", org=bloc_tree["small"])
    page = CountsPage()
    qtbot.addWidget(page)
    page.start.setText("01/01/2021")
    page.end.setText("31/12/2021")
    finish(qtbot, page.compute())
    assert "1 + 1 − 0 = 2" in page.summary.text()
    page.org.set_org_id(bloc_tree["small"].id)
    finish(qtbot, page.compute())
    assert "0 + 1 − 0 = 1" in page.summary.text()
    page.end.setText("01/01/2020")
    finish(qtbot, page.compute())
    assert "trước ngày đầu kỳ" in page.errors.message_for("end")
    assert page.end.text() == "01/01/2020"
