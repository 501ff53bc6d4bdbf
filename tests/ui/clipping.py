"""Finds text a clerk cannot read whole: a label, button or header narrower or shorter than
its text needs, or a toolbar whose last actions hide behind its "»" (found: "In quyết định
chính thức" out of sight on the admissions page). Used by the walk over every page and dialog
at 1366×768."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel, QToolBar, QToolButton, QWidget


def clipped_texts(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if _label_clipped(widget):
                found.append(f"nhãn “{widget.text()}” ({widget.width()}×{widget.height()})")
        elif isinstance(widget, QAbstractButton) and widget.text() and type(widget).__name__ != "QToolButton":
            needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            if needed > widget.width() - 4:
                found.append(f"nút “{widget.text()}” ({widget.width()} < {needed})")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            found += _header_clipped(widget)
        elif isinstance(widget, QToolBar):
            more = widget.findChild(QToolButton, "qt_toolbar_ext_button")
            if more is not None and more.isVisible():
                shown = [widget.widgetForAction(action) for action in widget.actions()]
                hidden = [action.text() for action, button in zip(widget.actions(), shown, strict=True)
                          if action.isVisible() and not action.isSeparator()
                          and not (button and button.isVisible())]
                found.append(f"thanh công cụ giấu sau »: {', '.join(hidden)}")
    return found


def _label_clipped(label: QLabel) -> bool:
    margins = label.contentsMargins()
    width = label.width() - margins.left() - margins.right()
    if label.wordWrap():
        return label.heightForWidth(label.width()) > label.height() + 1
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or "<" in text:
        return label.sizeHint().width() > label.width() + 1
    widest = max(label.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    return widest > width + 1


def _header_clipped(header: QHeaderView) -> list[str]:
    model = header.model()
    found = []
    if model is None:
        return found
    for section in range(header.count()):
        if header.isSectionHidden(section) or header.sectionSize(section) == 0:
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        widest = max(header.fontMetrics().horizontalAdvance(line) for line in str(text).split("\n"))
        if widest + 12 > header.sectionSize(section):
            found.append(f"tiêu đề cột “{text}” ({header.sectionSize(section)} < {widest + 12})")
    return found
