"""Which cell of the tree a row of a member list names: by the cell's name, told apart from
cells of the same name by the committees the row names above it — its đảng bộ cơ sở, and the
đảng bộ bộ phận between when the file has that column."""

from typing import NamedTuple

from models.core import vocab as v
from models.core.text import fold
from models.orgs.tree import name_chains, org_rows

NOT_IN_TREE = "không có chi bộ này trong cây tổ chức"
GRASSROOTS_NAMED = ("đây là đảng bộ cơ sở; đảng viên sinh hoạt ở một chi bộ trực thuộc — chọn chi bộ "
                    "cho các dòng này")
SHARED_NAME = ("có nhiều chi bộ trùng tên; ghi ở cột Đảng bộ tên đảng bộ cơ sở, hoặc đảng bộ bộ phận của chi "
               "bộ, để phân biệt")


def is_missing(why: str) -> bool:
    """Whether a refusal is for a cell the tree lacks (which --create-orgs makes)."""
    return why.startswith(NOT_IN_TREE)


class MissingCell(NamedTuple):
    """A cell a file names that the tree lacks, with the committees it names above it."""

    parent: str  # the đảng bộ cơ sở, "" for a grassroots organisation of the bloc
    unit: str  # the đảng bộ bộ phận between, "" when none
    cell: str

    @property
    def where(self) -> str:
        return ", ".join(name for name in (self.unit, self.parent) if name)


class OrgMatcher:
    """Cells by name, accent- and case-insensitive, with or without "Chi bộ"; a name used by
    cells of several đảng bộ is told apart by the committees named."""

    def __init__(self):
        rows = [row for row in org_rows() if not row.dissolved]
        # A cell is told apart by any committee above it up to its đảng bộ cơ sở: a file names
        # the đảng bộ, or the intermediate committee between (found: a cell under one was "not in
        # the tree" when the file named its đảng bộ).
        self.parent_keys = {org_id: {key for name in chain[1:] for key in parent_keys(name)}
                            for org_id, chain in name_chains(rows).items()}
        self.cache: dict[tuple[str, str, str], tuple[int | None, str]] = {}
        self.by_name: dict[str, list[int]] = {}
        self.grassroots_by_name: dict[str, int] = {}
        self.bloc_keys: set[str] = set()  # "Đảng bộ Khối …" in the column says nothing of the cell
        self.full_names = {org_id: ", ".join(chain) for org_id, chain in name_chains(rows).items()}
        for row in rows:
            if row.level in v.CELLS:
                for key in cell_keys(row.name):
                    self.by_name.setdefault(key, []).append(row.id)
                if row.level == v.CBCS:  # a chi bộ cơ sở the file names again as its own đảng bộ
                    self.parent_keys[row.id] = self.parent_keys[row.id] | parent_keys(row.name)
            elif row.level == v.DBCS:
                for key in parent_keys(row.name):
                    self.grassroots_by_name[key] = row.id
            elif row.level == v.BLOC:
                self.bloc_keys |= parent_keys(row.name)

    def match(self, cell: str, parent: str, unit: str = "") -> tuple[int | None, str]:
        """(organisation id, "" ) or (None, why not); a file names the same cells over and over."""
        if (cell, parent, unit) not in self.cache:
            self.cache[(cell, parent, unit)] = self._match(cell, parent, unit)
        return self.cache[(cell, parent, unit)]

    def grassroots(self, cell: str) -> int | None:
        """The đảng bộ cơ sở a file names where a cell belongs, if that is what it names."""
        return next((self.grassroots_by_name[key] for key in parent_keys(cell)
                     if key in self.grassroots_by_name), None)

    def _match(self, cell: str, parent: str, unit: str) -> tuple[int | None, str]:
        found: set[int] = set()
        for key in cell_keys(cell):
            found.update(self.by_name.get(key, []))
        named = found
        for committee in (parent, unit):
            wanted = parent_keys(committee) if committee else set()
            # A committee the row names holds even when one cell has the name: found, a row of
            # "Chi bộ Văn phòng | Đảng bộ Sở Mới" was placed in Sở Công Thương's Chi bộ Văn phòng.
            if found and wanted and not wanted & self.bloc_keys:
                found = {org for org in found if self.parent_keys[org] & wanted}
        if len(found) == 1:
            return found.pop(), ""
        if not named and self.grassroots(cell) is not None:
            return None, GRASSROOTS_NAMED
        if named and not found:
            where = ", ".join(committee for committee in (unit, parent) if committee)
            elsewhere = "; ".join(sorted(self.full_names[org] for org in named)[:3])
            return None, f"{NOT_IN_TREE} ở {where} (chi bộ cùng tên có ở: {elsewhere})"
        if not found:
            return None, NOT_IN_TREE
        return None, SHARED_NAME


def cell_keys(name: str) -> set[str]:
    folded = fold(name)
    return {folded, folded.removeprefix("chi bo ").strip()}


def parent_keys(name: str) -> set[str]:
    folded = fold(name)
    return {folded, *(folded.removeprefix(prefix).strip() for prefix in ("dang bo ", "dang bo bo phan "))}
