"""The dues page's table and forms: the model passes Qt's tester; a bad figure is refused next
to its field with nothing written; a share's day that exists corrects that line."""

from datetime import date

import pytest

from models.core.errors import ValidationError
from models.dues import dues_quarter, last_quarter_ended, save_share, set_entry
from models.dues.tables import DuesEntry, DuesShare
from tests.conftest import type_text
from ui.dues.dialogs import DuesEntryDialog, DuesShareDialog
from ui.dues.tables import DuesTableModel


@pytest.fixture
def books(bloc_tree):
    save_share(date(2025, 1, 1), 30, 50)
    set_entry(bloc_tree["base"].id, 2025, 1, 1_000_000, 500_000)
    return bloc_tree


def test_the_table_passes_the_model_tester(qtmodeltester, books):
    model = DuesTableModel()
    model.set_rows(dues_quarter(2025, 1).lines)
    qtmodeltester.check(model)
    assert [model.index(1, column).data() for column in range(6)] == \
        ["Đảng bộ Sở Tài chính", "1.000.000", "700.000", "0", "500.000", "200.000"]
    assert model.index(0, 1).data() == "chưa có"


def test_a_bad_figure_is_refused_next_to_its_field(qtbot, books):
    line = next(line for line in dues_quarter(2025, 1).lines if line.entry_id is None)
    dialog = DuesEntryDialog(line, 2025, 1)
    qtbot.addWidget(dialog)
    type_text(dialog.collected, "một triệu")
    type_text(dialog.remitted, "0")
    assert not dialog.save()
    assert "không phải số nguyên" in dialog.errors.message_for("collected")
    dialog.collected.clear()
    type_text(dialog.collected, "800.000")
    dialog.remitted.clear()
    type_text(dialog.remitted, "900.000")
    assert not dialog.save()
    assert "lớn hơn số thu" in dialog.errors.message_for("remitted")
    assert DuesEntry.select().count() == 1  # only what was there
    dialog.remitted.clear()
    type_text(dialog.remitted, "560.000")
    assert dialog.save()
    assert DuesEntry.get(DuesEntry.org == line.org_id).remitted == 560_000


def test_the_share_of_an_existing_day_is_corrected_not_doubled(qtbot, books):
    dialog = DuesShareDialog()
    qtbot.addWidget(dialog)
    assert dialog.intro.text().startswith("Đã đặt: từ 01/01/2025: cơ sở 30%, Khối 50%. Sổ đảng phí tính")
    dialog.valid_from.setText("01/01/2025")
    dialog.kept.setValue(25)
    assert dialog.save()
    assert [(row.valid_from, row.kept_percent) for row in DuesShare.select()] == [(date(2025, 1, 1), 25)]


@pytest.mark.parametrize(("today", "quarter"), [
    (date(2027, 1, 1), (2026, 4)), (date(2028, 2, 29), (2027, 4)), (date(2026, 12, 31), (2026, 3)),
    (date(2026, 4, 1), (2026, 1))])
def test_the_page_opens_on_the_last_quarter_ended(today, quarter):
    assert last_quarter_ended(today) == quarter


def test_a_quarter_not_yet_begun_says_so_instead_of_a_table_of_debts(qtbot, books):
    """On 02/01/2027 the page (and `dues list`) let quarter II of 2027 be chosen and showed every
    organisation "chưa có" beside what it still owed, as if the quarter were being kept."""
    from tests.clock import clock_at
    from tests.conftest import settle
    from ui.dues.page import DuesPage

    with clock_at(date(2025, 1, 2)):
        with pytest.raises(ValidationError, match="Quý II năm 2025 chưa bắt đầu"):
            dues_quarter(2025, 2)
        page = DuesPage()
        qtbot.addWidget(page)
        page.show()
        page.on_shown()
        settle(qtbot, page)
        page.year.setValue(2025)
        page.quarter.setCurrentIndex(1)
        settle(qtbot, page)
        assert page.model.rowCount() == 0
        assert page.summary.text() == "Quý II năm 2025 chưa bắt đầu."
