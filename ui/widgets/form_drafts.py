"""A form's typing kept every few seconds while it is open (models/accounts/drafts.py), and
offered back when the same form is opened again on the same record after the program was
closed without the form being saved or closed — a power cut, a crash, Windows restarting.

Inputs are named by the attribute that holds them ("name", "org", "dates.start"), which is
the same in every run; Qt's own order of children is not (a tab viewed reorders it)."""

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from models.accounts import (
    Draft,
    DraftSlot,
    draft_of,
    draft_slot,
    drafts_left,
    drop_draft,
    keep_draft,
    mark_told,
)
from models.core.dates import fmt_date
from models.core.errors import ValidationError
from ui.widgets.buttons import inform
from ui.widgets.date_edit import DateEdit

log = logging.getLogger(__name__)
KEEP_EVERY_MS = 3000
_DEPTH = 3  # a dialog's own inputs, and those inside its pickers and panels


def _is_input(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return False  # a password is never written down
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return isinstance(widget, QComboBox | QCheckBox)


def named_inputs(root: QWidget) -> dict[str, QWidget]:
    """Every input held in an attribute of the form — or in a dict or list it holds, or inside
    a widget held so (a picker, a panel) — by its path: "name", "inputs.full_name", "opening.date"."""
    found: dict[str, QWidget] = {}
    seen: set[int] = {id(root)}

    def visit(name: str, value: object, depth: int) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                visit(f"{name}.{key}", item, depth)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                visit(f"{name}.{index}", item, depth)
        elif (isinstance(value, QWidget) and id(value) not in seen and shiboken6.isValid(value)
              and root.isAncestorOf(value)):
            # (a page or window the form holds a reference to is not the form's: never walked)
            seen.add(id(value))
            if _is_input(value):
                found[name] = value
            elif depth < _DEPTH:
                walk(value, f"{name}.", depth + 1)

    def walk(holder: object, prefix: str, depth: int) -> None:
        for name, value in list(vars(holder).items()):
            if not name.startswith("__"):
                visit(prefix + name, value, depth)
    walk(root, "", 1)
    return found


def _value(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if widget.isEditable():
        return widget.currentText()
    data = widget.currentData()
    return {"data": data} if isinstance(data, str | int) and not isinstance(data, bool) else {
        "index": widget.currentIndex()}


def form_values(inputs: dict[str, QWidget]) -> dict[str, object]:
    # (an input the form has removed since it opened — a row taken out — is passed over)
    return {name: _value(widget) for name, widget in inputs.items() if shiboken6.isValid(widget)}


def _put(widget: QWidget, value: object) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QCheckBox) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QComboBox) and widget.isEditable() and isinstance(value, str):
        widget.setCurrentText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, dict):
        index = widget.findData(value["data"]) if "data" in value else value.get("index", -1)
        if isinstance(index, int) and 0 <= index < widget.count():
            widget.setCurrentIndex(index)


def put_values(inputs: dict[str, QWidget], values: dict) -> None:
    """The draft's values back in their inputs; an input the form no longer has is passed over."""
    for name, value in values.items():
        if name in inputs and shiboken6.isValid(inputs[name]):
            _put(inputs[name], value)


RESTORE, DISCARD = "restore", "discard"


def tell_drafts_left(parent: QWidget) -> None:
    """After signing in: the forms left half-typed when the program last closed, so the clerk
    knows what to open again (the form offers the typing back when it is opened)."""
    try:
        drafts = drafts_left(untold=True)
        mark_told(drafts)
    except (OSError, ValidationError) as error:
        log.warning("Không đọc được các bản nhập dở: %s", error)
        return
    if not drafts:
        return
    lines = "\n".join(f"• {draft.title} (lúc {draft.at:%H:%M} ngày {fmt_date(draft.at.date())})"
                      for draft in drafts[-10:])
    inform(parent, "Có biểu mẫu đang nhập dở",
           f"Lần trước chương trình đã đóng khi còn biểu mẫu đang nhập dở, chưa lưu:\n{lines}\n\n"
           "Mở lại đúng biểu mẫu đó (thêm mới, hoặc sửa đúng hồ sơ đó): chương trình sẽ hỏi có điền lại "
           "những gì đã nhập không. Bản nhập dở được giữ 30 ngày.")


def ask_to_restore(form: QWidget, draft: Draft) -> str | None:
    # Named by its title: a page's grid or a template is no "biểu mẫu" to the clerk.
    box = QMessageBox(QMessageBox.Icon.Question, "Khôi phục nội dung đang nhập dở",
                      f"Lúc {draft.at:%H:%M} ngày {fmt_date(draft.at.date())}, chương trình đã đóng khi "
                      f"“{draft.title}” đang được nhập dở, chưa lưu.", parent=form)
    box.setInformativeText("Điền lại những gì đã nhập khi đó? Sau khi điền lại, xem lại rồi bấm Lưu.")
    restore = box.addButton("Điền lại", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Bỏ bản nhập dở", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if clicked is restore else DISCARD if clicked is discard else None


class DraftKeeper(QObject):
    """Keeps the typing of one form — or of a page's editors — while it is shown: `values()`
    gives it, `put(values)` puts a draft back, `unsaved()` says whether there is typing to
    keep, `title()` names it in the list shown after signing in."""

    def __init__(self, owner: QWidget, slot: DraftSlot | None, values: Callable[[], dict],
                 put: Callable[[dict], None], unsaved: Callable[[], bool], title: Callable[[], str]):
        super().__init__(owner)
        self.owner, self.slot = owner, slot
        self.values, self.put, self.unsaved, self.title = values, put, unsaved, title
        self.kept: dict | None = None
        self.offered = False  # a page's tab not in view yet is offered its draft when it comes
        self.timer = QTimer(self)
        self.timer.setInterval(KEEP_EVERY_MS)
        self.timer.timeout.connect(self.keep)
        if self.slot is not None:
            self.timer.start()
            QTimer.singleShot(0, self, self.offer)  # not called once the owner is gone

    def offer(self) -> None:
        """The draft a closed program left, offered once; kept if the clerk closes the question
        without answering, so it is not lost by a slip of the hand."""
        if self.offered or not self.owner.isVisible():
            return
        self.offered = True
        draft = draft_of(self.slot.name)
        if draft is None or draft.values == self.values():
            return
        answer = ask_to_restore(self.owner, draft)
        if answer == RESTORE:
            self.put(draft.values)
            self.kept = draft.values
        elif answer == DISCARD:
            self._drop()

    def keep(self) -> None:
        if not self.owner.isVisible():  # hidden: typed into by nobody
            return
        if not self.offered:
            self.offer()
            return
        try:
            if not self.unsaved():
                if self.kept is not None:  # typed, then put back as it was
                    self._drop()
                    self.kept = None
                return
            values = self.values()
            if values != self.kept:
                keep_draft(self.slot, self.title(), values)
                self.kept = values
        except (OSError, ValidationError) as error:  # a full or blocked app-data folder: the work goes on
            log.warning("Không ghi được bản nhập dở: %s", getattr(error, "message", error))

    def saved(self) -> None:
        """Saved, and still open for more typing: kept again from the next change on."""
        self.kept = None
        self._drop()

    def closed(self) -> None:
        """Closed on purpose, or saved and closed: the typing is where the clerk wanted it."""
        self.timer.stop()
        self._drop()

    def _drop(self) -> None:
        if self.slot is not None:
            try:
                drop_draft(self.slot.name)
            except OSError as error:  # said in the log; the draft goes when it is 30 days old
                log.warning("Không xóa được bản nhập dở: %s", error)


# What a form keeps beside its inputs — a table typed into, such as a meeting's attendance —
# given by its table_state() (guarded_dialog.py); no input is named so.
_EXTRAS = "@extras"


def retire(keeper: DraftKeeper | None) -> None:
    """A page's keeper for what it showed before: saved, or dropped on asking."""
    if keeper is not None:
        keeper.closed()
        keeper.deleteLater()


def form_keeper(form) -> DraftKeeper:
    """A form's keeper, made when it is first shown: its inputs named by attribute, its draft
    slot by the form and what it showed on opening (a record's values; a new form's defaults)."""
    inputs = named_inputs(form)
    opened_with = {name: value for name, value in form_values(inputs).items()
                   if not isinstance(inputs[name], DateEdit)}  # a new form's dates are today's

    def title() -> str:
        named = next((w.text().strip() for w in inputs.values()
                      if isinstance(w, QLineEdit) and not isinstance(w, DateEdit) and w.text().strip()), "")
        return f"{form.windowTitle()} — {named[:60]}" if named else form.windowTitle()
    def values() -> dict:
        return {**form_values(inputs), **({_EXTRAS: form.table_state()} if form.tables_changed() else {})}

    def put(values: dict) -> None:
        put_values(inputs, values)
        if isinstance(values.get(_EXTRAS), dict):
            form.put_table_state(values[_EXTRAS])
    return DraftKeeper(form, draft_slot(f"{type(form).__module__}.{type(form).__qualname__}", opened_with),
                       values, put, form.has_unsaved_changes, title)
