"""In every form Enter saves and Esc cancels (asking first when something was typed)."""

from PySide6.QtCore import Qt

from models.orgs.tables import PartyOrg
from tests.conftest import type_text
from ui.orgs.dialogs import OrgDialog


def test_enter_saves_and_esc_cancels(qtbot, bloc_tree, monkeypatch):
    import ui.widgets.guarded_dialog as guarded

    dialog = OrgDialog(parent_id=bloc_tree["base"].id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.focusWidget() is not None, "the form opens with the keyboard in its first field"
    type_text(dialog.focusWidget(), "Chi bộ Phòng Mới")
    asked = []
    monkeypatch.setattr(guarded, "ask_unsaved", lambda *a, **k: asked.append(1) or guarded.CONTINUE)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert PartyOrg.get_or_none(PartyOrg.name == "Chi bộ Phòng Mới") is not None
