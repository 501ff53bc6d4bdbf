"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void call and aborts the
interpreter after some thousands of them. This makes a bad build fail the suite, not a clerk."""

from PySide6.QtCore import QObject


def test_twenty_thousand_void_calls_survive():
    obj = QObject()
    for index in range(20_000):
        obj.setObjectName(f"n{index % 7}")  # returns nothing
        obj.blockSignals(False)
    assert obj.objectName() == f"n{19_999 % 7}"
