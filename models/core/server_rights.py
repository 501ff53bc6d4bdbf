"""Who may do what on the office's server, enforced by PostgreSQL itself.

Every workstation connects with one account, whose password anyone at a workstation can read
(from the credential store, or the address a command was given). The program's own accounts and
roles cannot stop a clerk who uses that password with another tool, so the database must: the
workstations' account (a member of WORKSTATIONS, made by packaging/server/tao-co-so-du-lieu.sql)
keeps the records and appends to the audit trail, and nothing more — it cannot change or delete
a trail entry, create or change the program's accounts, or touch the schema. Those belong to the
database's owner, whose password only the administrator holds.

The owner grants the rights each time it opens the database and finds a table without them
(after a migration, or a database the set-up script gave a workstations' account later)."""

from peewee import SQL, EnclosedNodeList, Entity, NodeList, Select, Table, fn

from models.core.errors import ValidationError

WORKSTATIONS = "dangvu_may_tram"

KEEP_RECORDS = "SELECT, INSERT, UPDATE, DELETE"
# Tables whose rows the workstations only read, or only add to; every other table is records.
RIGHTS = {
    "audit_entry": "SELECT, INSERT",  # the trail: appended to, never rewritten
    "app_user": "SELECT",  # sign-in reads the accounts; only the owner changes them
    "user_org": "SELECT",
    "schema_migration": "SELECT",
}
# Sign-in counts wrong passwords and locks an account after too many: the only account columns
# a workstation writes. Resetting the count gains an attacker little: each try costs a scrypt.
SIGN_IN_COLUMNS = {"app_user": ("failed_attempts", "locked_until")}

_tables = Table("pg_tables", ("schemaname", "tablename", "tableowner"))


class NotPermitted(ValidationError):
    """The server refused the connected account something only the owner may do."""


def refusal(error: Exception) -> NotPermitted | None:
    """The server's "permission denied" in words a clerk can act on; None for anything else."""
    text = str(error).lower()
    if "permission denied" not in text and "must be owner" not in text:
        return None
    return NotPermitted("server", "Máy chủ dữ liệu không cho tài khoản kết nối của máy trạm làm việc "
                                  "này: tài khoản người dùng, nhật ký và cấu trúc dữ liệu chỉ sửa được "
                                  "bằng tài khoản chủ của cơ sở dữ liệu, do quản trị viên giữ. Chưa ghi "
                                  "gì; hãy nhờ quản trị viên kết nối bằng tài khoản đó để làm.")


def schema_behind(migration: str) -> NotPermitted:
    """Refusal to open: the schema needs a migration only the owner may run."""
    needed = f" (cấu trúc {migration})" if migration else ""
    return NotPermitted("db", "Cơ sở dữ liệu trên máy chủ cần nâng cấp cho phiên bản này của chương trình"
                              f"{needed}, mà tài khoản của máy trạm không được sửa cấu trúc dữ "
                              "liệu. Quản trị viên hãy mở nó một lần bằng tài khoản chủ của cơ sở dữ liệu "
                              "(ví dụ lệnh check với --db postgresql://dangvu@…), rồi các máy trạm mở lại.")


def grant_where_missing(handle) -> bool:
    """As the owner: give the workstations' role its rights on every table that lacks them.
    Nothing when the connected account does not own the schema, or the office has no such role.
    Returns whether anything was granted."""
    if getattr(handle, "engine", "sqlite") != "postgresql":
        return False
    if not _exists(handle) or not _owns_tables(handle) or not _missing(handle):
        return False
    with handle.atomic():
        for table in handle.get_tables():
            _grant(handle, table)
        _grant_sequences(handle)
    return True


def may_change(handle, table: str, column: str) -> bool:
    """Whether the connected account may change that column (always, on a file)."""
    if getattr(handle, "engine", "sqlite") != "postgresql":
        return True
    query = _select(fn.has_column_privilege(table, column, "UPDATE"))
    return bool(handle.execute(query).fetchone()[0])


def _grant(handle, table: str) -> None:
    name, group = Entity(table), Entity(WORKSTATIONS)
    handle.execute(NodeList((SQL("REVOKE ALL ON TABLE"), name, SQL("FROM"), group)))
    rights = RIGHTS.get(table, KEEP_RECORDS)
    handle.execute(NodeList((SQL(f"GRANT {rights} ON TABLE"), name, SQL("TO"), group)))
    columns = SIGN_IN_COLUMNS.get(table)
    if columns:
        handle.execute(NodeList((SQL("GRANT UPDATE"), EnclosedNodeList([Entity(c) for c in columns]),
                                 SQL("ON TABLE"), name, SQL("TO"), group)))


def _grant_sequences(handle) -> None:
    """Ids are drawn by every table's writer. Only the records' sequences may be moved past rows
    written with their ids (an import); the trail's and the accounts' only drawn from."""
    schema, group = handle.execute(_select(fn.current_schema())).fetchone()[0], Entity(WORKSTATIONS)
    handle.execute(NodeList((SQL("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA"), Entity(schema),
                             SQL("TO"), group)))
    for table in ("audit_entry", "app_user", "user_org"):
        sequence = handle.execute(_select(fn.pg_get_serial_sequence(table, "id"))).fetchone()[0]
        if sequence:
            target = Entity(*sequence.split(".", 1))
            handle.execute(NodeList((SQL("REVOKE UPDATE ON SEQUENCE"), target, SQL("FROM"), group)))


def _select(*columns):
    return Select(columns=list(columns))


def _exists(handle) -> bool:
    return handle.execute(_select(fn.to_regrole(WORKSTATIONS).is_null(False))).fetchone()[0]


def _owns_tables(handle) -> bool:
    query = (_tables.select(fn.pg_has_role(SQL("CURRENT_USER"), _tables.tableowner, "USAGE"))
             .where((_tables.schemaname == fn.current_schema())
                    & (_tables.tablename == "schema_migration")))
    row = handle.execute(query).fetchone()
    return bool(row and row[0])


def _missing(handle) -> bool:
    qualified = fn.format("%I.%I", _tables.schemaname, _tables.tablename)  # never resolved by search path
    query = (_tables.select(fn.COUNT(SQL("*")))
             .where((_tables.schemaname == fn.current_schema())
                    & ~fn.has_table_privilege(WORKSTATIONS, qualified, "SELECT")))
    return handle.execute(query).fetchone()[0] > 0


