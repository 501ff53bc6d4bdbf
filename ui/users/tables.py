"""The users list as a table."""


from models.accounts import ROLES, user_rows, user_scopes
from models.core import clock
from models.core.dates import fmt_date
from models.orgs import full_names, org_rows, tree_ranks
from reports.numbers import integer
from ui.widgets.rows_model import RowsTableModel

NAMED_MOST = 2  # organisations named in the column; the dialog lists them all


class UserTableModel(RowsTableModel):
    headers = ["Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái", "Phạm vi"]

    def refresh(self) -> None:
        scopes = user_scopes()
        if scopes:  # the tree is read only when some account is limited (60 ms at 5,800 organisations)
            rows = org_rows()
            names, rank = full_names(rows), tree_ranks(rows)
            scopes = {user_id: _scope_words(sorted(org_ids, key=lambda org: rank.get(org, len(rank))), names)
                      for user_id, org_ids in scopes.items()}
        self.set_rows([(*row, scopes.get(row[0], "Toàn khối")) for row in user_rows()])

    def key(self, row):
        return row[0]

    def user_id(self, row: int) -> int | None:
        entry = self.row_at(row)
        return entry[0] if entry else None

    def cells(self, row) -> list[str]:
        _id, username, full_name, user_role, active, locked_until, scope = row
        state = "Đang dùng" if active else "Đã khóa"
        if active and locked_until and locked_until > clock.now():
            state = f"Tạm khóa đến {locked_until:%H:%M} {fmt_date(locked_until.date())}"
        return [username, full_name, ROLES.get(user_role, user_role), state, scope]


def _scope_words(org_ids: list[int], names: dict[int, str]) -> str:
    """The organisations in the tree's order; full names carry commas, so they part with "; "."""
    named = "; ".join(names.get(org_id, "") for org_id in org_ids[:NAMED_MOST])
    more = len(org_ids) - NAMED_MOST
    return f"{named} và {integer(more)} tổ chức khác" if more > 0 else named
