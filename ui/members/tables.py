"""The member list as a table model over ids, fetched a page at a time as the view scrolls
(Qt's canFetchMore/fetchMore); the rows to display are read for the ids about to be shown. How
many members match is not the model's business: the page counts them off the UI thread."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from models.core import vocab as v
from models.core.dates import fmt_date
from models.members import HistoryRow, MemberFilter, MemberRow, member_page, member_rows
from models.orgs import committees_above, tree_ranks
from ui.widgets.rows_model import RowsTableModel

PAGE = 200
COLUMNS = [
    ("name", "Họ và tên"),
    ("sex", "Giới tính"),
    ("birth_date", "Ngày sinh"),
    ("org", "Chi bộ"),
    ("grassroots", "Tổ chức cơ sở đảng"),
    ("membership", "Đảng viên"),
    ("status", "Tình trạng"),
    ("card_number", "Số thẻ"),
]


class MemberTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = MemberFilter()
        self._sort = ("name", False)
        self._ids: list[int] = []  # the pages fetched so far
        self._complete = True  # no page left to fetch
        self._loaded = False  # no query until the page sets its filter: sorting first is free
        self._rows: dict[int, MemberRow] = {}
        self._grassroots: dict[int, str] = committees_above()
        self._ranks: dict[int, int] | None = None  # the tree's order, read when sorted by it

    # --- what the page asks for ----------------------------------------------------
    def set_filter(self, flt: MemberFilter) -> None:
        self._filter = flt
        self.refresh()

    def current_filter(self) -> MemberFilter:
        return self._filter

    def reload_orgs(self) -> None:
        """Organisation names changed: fetch the grassroots names again."""
        self._grassroots = committees_above()
        self._ranks = None
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._loaded = True
        self._first_page()
        self.endResetModel()

    def member_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, member_id: int) -> int:
        """The row of a member, fetching the rest of the list if it is further down (a member
        just saved is chosen wherever the list puts it)."""
        if member_id not in self._ids and not self._complete:
            self._take(self._page(len(self._ids)), complete=True)
        try:
            return self._ids.index(member_id)
        except ValueError:
            return -1

    def _first_page(self) -> None:
        self._ids = self._page(0, PAGE)
        self._complete = len(self._ids) < PAGE
        self._rows = {}

    def _page(self, offset: int, limit: int | None = None) -> list[int]:
        if self._sort[0] == "org" and self._ranks is None:
            self._ranks = tree_ranks()  # kept while the clerk types and scrolls
        return member_page(self._filter, *self._sort, offset=offset, limit=limit, ranks=self._ranks)

    def _take(self, more: list[int], complete: bool) -> None:
        if more:
            self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(more) - 1)
            self._ids.extend(more)
            self.endInsertRows()
        self._complete = complete

    # --- fetched as the view scrolls ---------------------------------------------------
    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._complete:
            return
        # Each page as long as the list so far: a clerk scrolling gets 200, 200, 400, 800…
        # and an export that takes the whole list makes a few queries, not one per 200 rows.
        wanted = max(PAGE, len(self._ids))
        more = self._page(len(self._ids), wanted)
        self._take(more, complete=len(more) < wanted)

    # --- QAbstractTableModel --------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section][1]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        key = COLUMNS[index.column()][0]
        if key == "name":
            return row.full_name
        if key == "sex":
            return v.SEXES.get(row.sex, "")
        if key == "birth_date":
            return fmt_date(row.birth_date)
        if key == "org":
            return row.org_name
        if key == "grassroots":
            return self._grassroots.get(row.org_id, "")
        if key == "membership":
            return v.MEMBERSHIPS.get(row.membership, "")
        if key == "status":
            return v.STATUSES.get(row.status, "")
        return row.card_number or ""

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][0]
        # Both organisation columns sort by the tree: grassroots, then its cells.
        wanted = ("org" if key == "grassroots" else key, order == Qt.SortOrder.DescendingOrder)
        if not self._loaded or wanted == self._sort:
            self._sort = wanted
            return
        # A new order is a new list from its first page: a reset, not a layout change, since the
        # rows held before need not be among the first ones now.
        self._sort = wanted
        self.refresh()

    def _row(self, position: int) -> MemberRow | None:
        member_id = self._ids[position]
        if member_id not in self._rows:
            start = position - position % PAGE
            self._rows.update(member_rows(self._ids[start:start + PAGE]))
        return self._rows.get(member_id)


class HistoryTableModel(RowsTableModel):
    headers = ["Ngày", "Biến động", "Số quyết định", "Chi bộ", "Nơi đi / đến", "Tình trạng sau đó",
               "Ghi chú", "Người ghi"]

    def cells(self, row: HistoryRow) -> list[str]:
        return [fmt_date(row.date), row.kind_label, row.decision_no, row.org_name, row.place,
                v.STATUSES.get(row.status_after, ""), row.note, row.recorded_by]
