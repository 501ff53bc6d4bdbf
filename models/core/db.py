"""The one database handle and the base of every table, on either engine: a SQLite file (the
embedded default, one workstation) or a PostgreSQL server (several clerks, one office
database). `open_database(where)` opens either — the same call in main.py, the command line and
the tests — and brings the schema up to date. What differs between the engines lives here."""

import logging
import os
from pathlib import Path

import peewee
from peewee import (
    SQL,
    AutoField,
    DatabaseProxy,
    Entity,
    Index,
    IntegerField,
    InterfaceError,
    Model,
    NodeList,
    NotSupportedError,
    OperationalError,
    PostgresqlDatabase,
    ProgrammingError,
    Select,
    SqliteDatabase,
    fn,
)

from models.core.errors import ValidationError
from models.core.lengths import check_lengths
from models.core.server_rights import NotPermitted, grant_where_missing, refusal, schema_behind
from models.core.where import Server, file_of, location
from models.migrations import applied, available, migrate

log = logging.getLogger(__name__)


class Busy(ValidationError):
    """Another writer held the database longer than we wait."""


class DiskFull(ValidationError):
    """The disk holding the file is full: the transaction was undone."""


class Unreachable(ValidationError):
    """The database server cannot be reached, or refused the connection."""


class NoDriver(ValidationError):
    """The program was installed without what it needs to talk to a server."""


def translated(error: Exception) -> Exception:
    """The engines' refusals a clerk can meet, in words; anything else as it was."""
    text = str(error).lower()
    if "database is locked" in text or "database table is locked" in text or "lock timeout" in text:
        return Busy("file", "Dữ liệu đang bận: một cửa sổ hoặc một lệnh khác đang ghi quá "
                            f"{PRAGMAS['busy_timeout'] // 1000} giây. Chưa ghi gì; hãy thử lại sau ít phút.")
    if "disk is full" in text or "disk i/o error" in text or "no space left" in text:
        return DiskFull("file", "Ổ đĩa đã đầy (hoặc không ghi được): thay đổi này chưa được ghi, dữ liệu giữ "
                                "nguyên như trước. Hãy giải phóng chỗ trống trên ổ đĩa rồi làm lại.")
    if isinstance(error, InterfaceError) or any(words in text for words in _UNREACHABLE):
        return Unreachable("server", "Mất kết nối tới máy chủ dữ liệu: thay đổi đang làm chưa được ghi. "
                                     "Hãy kiểm tra mạng và máy chủ rồi làm lại.")
    return error


_UNREACHABLE = ("connection refused", "server closed the connection", "could not connect",
                "connection is closed", "terminating connection", "the connection is lost")


class _Translating:
    """Both engines: their "locked", "disk full" and "connection lost" reach the caller as
    ValidationErrors with Vietnamese messages."""

    def execute_sql(self, sql, params=None):
        try:
            return super().execute_sql(sql, params)
        except (OperationalError, InterfaceError) as error:
            raise translated(error) from error
        except ProgrammingError as error:
            raise (refusal(error) or error) from error

    def commit(self):
        try:
            super().commit()
        except (OperationalError, InterfaceError) as error:
            raise translated(error) from error


class FileDatabase(_Translating, SqliteDatabase):
    """Write transactions begin IMMEDIATE: a second writer then waits its turn (busy_timeout)
    instead of failing at once, as a deferred transaction that read first does."""

    engine = "sqlite"

    def begin(self, lock_type=None):
        try:
            super().begin(lock_type)
        except OperationalError as error:
            raise translated(error) from error

    def rollback(self):
        # After a full disk SQLite may already have undone the transaction itself.
        try:
            super().rollback()
        except OperationalError as error:
            if "no transaction is active" not in str(error):
                raise

    def hold_writer(self) -> None:
        """SQLite's IMMEDIATE transaction already holds the one write lock."""

    def snapshot(self):
        """A read transaction: every query in it sees the file as it was at its start (WAL), and
        writers are not held up."""
        return self.atomic("DEFERRED")

    def page_problems(self, integrity: bool = True) -> list[str]:
        """SQLite's integrity check (unless done already) and its check of every link."""
        problems = []
        if integrity and self.pragma("integrity_check") != "ok":
            problems.append("SQLite báo tệp dữ liệu hỏng: phép kiểm tra toàn vẹn tìm thấy chỗ không đọc "
                            "được.")
        broken_in = self.pragma("foreign_key_check")  # the first table with a broken link, if any
        if broken_in:
            problems.append(f"Bảng {broken_in} có bản ghi trỏ tới bản ghi không còn.")
        return problems

    def self_contained(self) -> None:
        """One file to move or copy, no -wal beside it."""
        self.pragma("journal_mode", "delete")

    def follow_ids(self, model) -> None:
        """SQLite's next id is always past the largest one: nothing to do."""



SNAPSHOT = "REPEATABLE READ"
CREATE_TRIGRAMS = "CREATE EXTENSION IF NOT EXISTS pg_trgm"  # a constant: nothing of any input in it
# Any number the office's own: the one lock every write transaction on the server takes.
WRITER_LOCK = 0x44616E67  # "Dang"


class ServerDatabase(_Translating, PostgresqlDatabase):
    """On the server each write transaction first takes one advisory lock, held to its commit:
    writers take turns as they do on a SQLite file (BEGIN IMMEDIATE), so the audit chain's head,
    the register's next number and every max+1 are read and written by one writer at a time,
    while readers are never held up (MVCC)."""

    engine = "postgresql"

    def begin(self, lock_type=None):
        # `lock_type` is SQLite's word for the same wish: the lock below is the answer to it.
        try:
            super().begin(SNAPSHOT if lock_type == SNAPSHOT else None)
        except (OperationalError, InterfaceError) as error:
            raise translated(error) from error
        if lock_type != SNAPSHOT:
            self.hold_writer()

    def snapshot(self):
        """A read transaction that sees the whole database as at its start, without the writer
        lock: a backup or a transfer is consistent while clerks go on writing."""
        return self.transaction(SNAPSHOT)

    def page_problems(self, integrity: bool = True) -> list[str]:
        """The server checks its own pages and enforces every link on each write."""
        return []

    def hold_writer(self) -> None:
        self.execute(Select(columns=[fn.pg_advisory_xact_lock(WRITER_LOCK)]))

    def follow_ids(self, model) -> None:
        """After rows written with their ids (a bulk insert, a transfer), move the table's id
        sequence past them: the next row created one by one must not take an id in use."""
        key = model._meta.primary_key
        if not isinstance(key, AutoField):
            return
        largest = fn.COALESCE(model.select(fn.MAX(key)), 0)
        sequence = fn.pg_get_serial_sequence(model._meta.table_name, key.column_name)
        self.execute(Select(columns=[fn.setval(sequence, largest + 1, False)]))


# Opened by open_database once main.py (or a test) knows where the data is.
database = DatabaseProxy()

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 30_000,  # a whole import of a large bloc may hold the file this long
    "synchronous": "normal",
    "cache_size": -32 * 1024,  # 32 MB page cache: the member list reads the whole table
}
READ_ONLY_PRAGMAS = {"foreign_keys": 1, "busy_timeout": 5000, "query_only": 1}
# A lock waited for longer than a SQLite writer waits is given up, with the same message.
SERVER_OPTIONS = f"-c lock_timeout={PRAGMAS['busy_timeout']} -c statement_timeout=0"


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False

    def save(self, *args, **kwargs):
        check_lengths(type(self), self.__data__)
        return super().save(*args, **kwargs)

    @classmethod
    def get_or_none(cls, *query, **filters):
        """None also for a key that cannot be one (an infinite number, a list, from a script or
        a crafted file): no such record exists, and the caller says so in words."""
        try:
            return super().get_or_none(*query, **filters)
        except (TypeError, ValueError, OverflowError):
            return None


class Versioned(BaseModel):
    """A record clerks edit in forms: every save of a stored row raises its version, which a
    form remembers when it opens and its save checks (models.accounts.audit.check_version)."""

    version = IntegerField(default=1)

    def save(self, *args, **kwargs):
        if self.get_id() is not None and not kwargs.get("force_insert"):
            self.version = (self.version or 0) + 1
        return super().save(*args, **kwargs)


def index_for_contains(handle, model, field) -> None:
    """On a server, a trigram index for `field.contains(…)` (ILIKE '%…%'): a narrow search
    reads it instead of every row (15 ms → 1 ms at 30,000 members). pg_trgm is a trusted
    extension the database's owner may create; a server without it searches without the index.
    A SQLite file needs none: nothing is done there."""
    if not isinstance(getattr(handle, "obj", handle), PostgresqlDatabase):
        return
    try:
        with handle.atomic():  # a savepoint: its failure leaves the migration's transaction whole
            handle.execute_sql(CREATE_TRIGRAMS)
            name = f"{model._meta.table_name}_{field.column_name}_trigrams"
            expression = NodeList((Entity(field.column_name), SQL("gin_trgm_ops")))
            handle.execute(Index(name, model._meta.table, [expression], using="GIN", safe=True))
    except (OperationalError, ProgrammingError, NotSupportedError) as error:
        log.warning("Không tạo được chỉ mục tìm kiếm (pg_trgm): %s", error)


def engine() -> str:
    """"sqlite" or "postgresql": the open database's engine."""
    return database.obj.engine


def on_server() -> bool:
    return database.obj is not None and database.obj.engine == "postgresql"


def current_location() -> Path | Server:
    """Where the open database is: its file, or its server."""
    return location(database.database) if on_server() else file_of(database.database)


def server_database(server: Server, read_only: bool = False) -> ServerDatabase:
    """A connection to `server`, not yet opened (the handle, or a second one for a transfer);
    `read_only`: a session whose transactions can only read (`check`)."""
    if peewee.psycopg is None and peewee.psycopg2 is None:  # installed without the server extra
        raise NoDriver("server", "Máy này chưa cài phần kết nối máy chủ dữ liệu (psycopg). Cài lại "
                                 "Đảng vụ kèm phần máy chủ: pip install -e \".[server]\".")
    options = SERVER_OPTIONS + (" -c default_transaction_read_only=on" if read_only else "")
    return ServerDatabase(server.url, options=options, connect_timeout=10, prefer_psycopg3=True)


def file_database(path: str | Path, **kwargs) -> FileDatabase:
    return FileDatabase(str(path), pragmas=PRAGMAS, lock_type="IMMEDIATE", **kwargs)


def open_database(where: str | Path | Server) -> DatabaseProxy:
    """Open (or create) the database — a file, or a server's database — and bring its schema
    up to date."""
    close_database()
    where = location(where)
    if isinstance(where, Server):
        handle = server_database(where)
    else:
        Path(where).parent.mkdir(parents=True, exist_ok=True)
        handle = file_database(where)
    database.initialize(handle)
    try:
        database.connect(reuse_if_open=True)
    except (OperationalError, InterfaceError) as error:
        database.initialize(None)
        raise _not_connected(where, error) from error
    try:
        migrate(database)
    except NotPermitted as refused:  # the workstations' account, on a server a newer program needs
        pending = sorted(set(available()) - applied(database))
        close_database()
        database.initialize(None)
        raise schema_behind(pending[-1] if pending else "") from refused
    grant_where_missing(handle)
    return database


def _not_connected(where, error: Exception) -> Exception:
    """A server's refusal as a ValidationError whose field is the connection detail to put
    right (the password, the database's name, the port, else the host)."""
    if not isinstance(where, Server):
        return error
    field, reason = server_refusal(error)
    return Unreachable(field, f"Không kết nối được máy chủ dữ liệu {where}: {reason}.")


# The driver's words (English), what they mean for a clerk, and the detail to put right.
SERVER_REFUSALS = (
    ("password authentication failed", "sai tài khoản hoặc mật khẩu", "password"),
    ("no password supplied", "cần mật khẩu", "password"),
    ("does not exist", "không có cơ sở dữ liệu hoặc tài khoản này trên máy chủ", "dbname"),
    ("connection refused", "máy chủ không nhận kết nối (chưa chạy, hoặc sai cổng)", "port"),
    ("timeout", "máy chủ không trả lời", "host"),
    ("could not translate host name", "không tìm thấy máy chủ có tên này", "host"),
    ("name or service not known", "không tìm thấy máy chủ có tên này", "host"),
    ("no route to host", "không có đường mạng tới máy chủ", "host"),
    ("network is unreachable", "không có đường mạng tới máy chủ", "host"),
    ("invalid response to ssl negotiation", "ở địa chỉ và cổng này không phải máy chủ PostgreSQL", "port"),
    ("no pg_hba.conf entry", "máy chủ không cho máy này kết nối (pg_hba.conf)", "host"),
)


def server_reason(error: Exception) -> str:
    """Why the server would not let us in, in Vietnamese (the driver's own words are English)."""
    return server_refusal(error)[1]


def server_refusal(error: Exception) -> tuple[str, str]:
    """(the connection detail to put right, why in Vietnamese)."""
    text = str(error).lower()
    for words, reason, field in SERVER_REFUSALS:
        if words in text:
            return field, reason
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else str(error)
    return "host", f"lỗi kết nối ({first_line})"




def probe_server(server: Server) -> None:
    """Connect once and leave: raises Unreachable with the reason in words (wrong password, no
    such database, server not running…)."""
    handle = server_database(server)
    try:
        handle.connect()
    except (OperationalError, InterfaceError) as error:
        raise _not_connected(server, error) from error
    finally:
        handle.close()


def read_only_uri(path: str | Path) -> str:
    """How a file is opened to be looked at, writing nothing beside it. A WAL file needs its -shm,
    which SQLite would make: it is read as immutable on read-only media, and wherever no program
    has it open (no -wal beside it, no window's lock) — `check` left -wal and -shm (reported)."""
    path = Path(path).resolve()
    with path.open("rb") as handle:
        wal = handle.read(20)[18:20] == b"\x02\x02"  # the header's read/write versions: WAL
    writable_folder = os.access(path.parent, os.W_OK)
    nobody_writing = not Path(f"{path}-wal").exists() and not Path(f"{path}.lock").exists()
    flags = "mode=ro" + ("&immutable=1" if wal and (not writable_folder or nobody_writing) else "")
    return f"{path.as_uri()}?{flags}"


def open_read_only(path: str | Path | Server) -> DatabaseProxy:
    """Open a file to look at it (`check`): no write of any kind — no journal-mode switch, no
    migration — so a backup on a CD or a write-protected stick can be checked where it lies.
    A server's database is opened in a session whose transactions can only read."""
    close_database()
    if isinstance(path, Server):
        database.initialize(server_database(path, read_only=True))
        try:
            database.connect()
        except (OperationalError, InterfaceError) as error:
            database.initialize(None)
            raise _not_connected(path, error) from error
        return database
    database.initialize(FileDatabase(read_only_uri(path), pragmas=READ_ONLY_PRAGMAS, uri=True))
    database.connect(reuse_if_open=True)
    return database


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()


def beside_database(suffix: str) -> Path:
    """A folder named after the open database file, next to it ("dangvu-<suffix>")."""
    db_file = file_of(database.database)
    return db_file.with_name(f"{db_file.stem}-{suffix}")
