"""The organisation tree as a Qt item model (a few hundred to 5,800 nodes).

The model answers from plain Python nodes: one per organisation, with its members summed up
the tree. A QStandardItemModel made seven items per organisation, and at 5,800 organisations
building them took 200 of the page's 570 ms first showing."""

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeView

from models.core import vocab as v
from models.core.dates import fmt_date
from models.core.text import fold
from models.orgs import OrgRow, children_map
from reports.numbers import integer

ORG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ["Tổ chức đảng", "Cấp", "Ký hiệu", "Dự bị", "Chính thức", "Tạm thời", "Giải thể"]
_COUNT_COLUMNS = (3, 4, 5)
_GREY = QBrush(QColor("#8a8f98"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class _Node:
    """One organisation in the tree: its row, where it sits, and its members with those below."""

    __slots__ = ("row", "parent", "position", "children", "totals", "_searched")

    def __init__(self, row: OrgRow | None, parent: "_Node | None", position: int):
        self.row = row
        self.parent = parent
        self.position = position
        self.children: list[_Node] = []
        self.totals = (0, 0, 0)  # dự bị, chính thức, tạm thời
        self._searched: str | None = None

    def searched(self) -> str:
        """Name and code folded, as a search compares them; folded on the first search only."""
        if self._searched is None:
            self._searched = f"{self.row.name_folded or fold(self.row.name)} {fold(self.row.code or '')}"
        return self._searched


class OrgTreeModel(QAbstractItemModel):
    """Members are summed up the tree, so a đảng bộ shows the total of its cells. Read-only:
    the page changes organisations through its dialogs and builds a new model."""

    def __init__(self, rows: list[OrgRow], counts: dict[int, dict[str, int]], parent=None):
        super().__init__(parent)
        self._root = _Node(None, None, 0)
        self._by_id: dict[int, _Node] = {}
        children = children_map(rows)
        ids = {row.id for row in rows}
        # Iteratively, deepest last: a tree of any depth without Python's recursion limit.
        order: list[_Node] = []
        tops = [row for row in rows if row.parent_id is None or row.parent_id not in ids]
        stack = [(self._root, row) for row in reversed(tops)]
        while stack:
            parent_node, row = stack.pop()
            node = _Node(row, parent_node, len(parent_node.children))
            parent_node.children.append(node)
            self._by_id[row.id] = node
            order.append(node)
            stack.extend((node, child) for child in reversed(children.get(row.id, [])))
        for node in reversed(order):  # children before parents: sums go up the tree
            own = counts.get(node.row.id, {})
            totals = [own.get(v.PROBATIONARY, 0), own.get(v.FULL, 0), own.get(v.TEMP_IN, 0)]
            for child in node.children:
                for i, n in enumerate(child.totals):
                    totals[i] += n
            node.totals = tuple(totals)

    # --- the tree's shape -----------------------------------------------------------
    def _node(self, index: QModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(HEADERS)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index=QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt's signature
        if not index.isValid():
            return QModelIndex()
        above = index.internalPointer().parent
        if above is None or above is self._root:
            return QModelIndex()
        return self.createIndex(above.position, 0, above)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return len(HEADERS)

    def hasChildren(self, parent=QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    # --- what a cell shows ----------------------------------------------------------
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node: _Node = index.internalPointer()
        row, column = node.row, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column in _COUNT_COLUMNS:
                return integer(node.totals[column - 3])
            return (row.name, v.ORG_LEVELS[row.level], row.code, None, None, None,
                    fmt_date(row.dissolved_on))[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return row.name  # the whole name where the column cuts it off
        if role == ORG_ID_ROLE and column == 0:
            return row.id
        if role == COUNT_ROLE and column in _COUNT_COLUMNS:
            return node.totals[column - 3]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _COUNT_COLUMNS:
            return _RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and row.dissolved:
            return _GREY
        return None

    def index_of(self, org_id: int) -> QModelIndex:
        """The index of an organisation's row, or an invalid index."""
        node = self._by_id.get(org_id)
        return self.createIndex(node.position, 0, node) if node else QModelIndex()


def filter_tree(tree: QTreeView, model: OrgTreeModel, text: str) -> list[QModelIndex]:
    """Show only organisations whose name or code holds `text` (case and accents aside), with
    the branches that lead to them opened; an empty text shows the whole tree again. Returns
    the matching rows, top to bottom."""
    wanted = fold(text)
    matches: list[QModelIndex] = []

    def walk(parent_index: QModelIndex) -> bool:
        any_shown = False
        for row in range(model.rowCount(parent_index)):
            index = model.index(row, 0, parent_index)
            hit = bool(wanted) and wanted in index.internalPointer().searched()
            if hit:
                matches.append(index)
            below = walk(index)
            shown = not wanted or hit or below
            tree.setRowHidden(row, parent_index, not shown)
            if wanted and below:
                tree.expand(index)
            any_shown = any_shown or shown
        return any_shown

    walk(QModelIndex())
    return matches

