"""A row of controls that wraps onto the next line when the window is narrow (Qt's flow layout
example, kept small): filter rows and button rows then never force the window wider than the
screen — the member page's filters made it 1,358 pixels at least."""

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    # A row written for QHBoxLayout reads the same here: stretch has no meaning in a flow.
    def addWidget(self, widget: QWidget, stretch: int = 0, alignment=None) -> None:  # noqa: N802
        super().addWidget(widget)

    def addLayout(self, layout: QLayout, stretch: int = 0) -> None:  # noqa: N802
        holder = QWidget()
        holder.setLayout(layout)
        layout.setContentsMargins(QMargins(0, 0, 0, 0))
        super().addWidget(holder)

    def addStretch(self, stretch: int = 0) -> None:  # noqa: N802
        """The end of the row: nothing to add in a flow."""

    def addSpacing(self, size: int) -> None:  # noqa: N802
        """Controls keep the layout's spacing between them."""

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """All on one line when there is room."""
        gaps = self._spacing * max(0, len(self._items) - 1)
        width = sum(item.sizeHint().width() for item in self._items) + gaps
        height = max((item.sizeHint().height() for item in self._items), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802
        """As wide as the widest control: the rest wraps below."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Lines of items, each item centred on its line's height (a label beside a box)."""
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = rect.x()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                lines.append([])
                x = rect.x()
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = rect.y()
        for line in lines:
            height = max((hint.height() for _item, hint in line), default=0)
            x = rect.x()
            for item, hint in line:
                if place:
                    top = y + (height - hint.height()) // 2
                    size = QSize(min(hint.width(), rect.width()), hint.height())
                    item.setGeometry(QRect(QPoint(x, top), size))
                x += hint.width() + self._spacing
            y += height + self._spacing
        return max(0, y - self._spacing - rect.y())


def flow_row(*widgets: QWidget) -> QWidget:
    """The widgets side by side in a holder that wraps them when narrow."""
    holder = QWidget()
    layout = FlowLayout(holder)
    for widget in widgets:
        layout.addWidget(widget)
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    return holder
