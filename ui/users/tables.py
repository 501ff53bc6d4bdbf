"""The users list as a table."""


from models.accounts import ROLES, user_rows
from models.core import clock
from models.core.dates import fmt_date
from ui.widgets.rows_model import RowsTableModel


class UserTableModel(RowsTableModel):
    headers = ["Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái"]

    def refresh(self) -> None:
        self.set_rows(user_rows())

    def key(self, row):
        return row[0]

    def user_id(self, row: int) -> int | None:
        entry = self.row_at(row)
        return entry[0] if entry else None

    def cells(self, row) -> list[str]:
        _id, username, full_name, user_role, active, locked_until = row
        state = "Đang dùng" if active else "Đã khóa"
        if active and locked_until and locked_until > clock.now():
            state = f"Tạm khóa đến {locked_until:%H:%M} {fmt_date(locked_until.date())}"
        return [username, full_name, ROLES.get(user_role, user_role), state]
