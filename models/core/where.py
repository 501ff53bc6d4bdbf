"""Where the data is: a database file (a Path) or a PostgreSQL server's database (a Server),
as given by --db, DANGVU_DB or the connection dialog."""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from urllib.request import url2pathname

from models.core.errors import ValidationError

SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    dbname: str
    user: str
    password: str = ""  # never written anywhere by the program: asked, or from the OS's store

    @property
    def netloc_host(self) -> str:
        """The host as an address writes it: an IPv6 address in brackets ([::1])."""
        return f"[{self.host}]" if ":" in self.host else self.host

    @property
    def url(self) -> str:
        secret = f":{quote(self.password, safe='')}" if self.password else ""
        account, dbname = quote(self.user, safe=""), quote(self.dbname, safe="")
        return f"postgresql://{account}{secret}@{self.netloc_host}:{self.port}/{dbname}"

    @property
    def name(self) -> str:
        """How messages name it: without the password."""
        return f"{self.dbname} trên {self.netloc_host}:{self.port}"

    @property
    def stem(self) -> str:
        """What names its backups, as a file's stem names a file's."""
        return self.dbname

    @property
    def key(self) -> str:
        """The same database whoever connects how: where its anchor and settings are filed."""
        return f"postgresql://{self.user}@{self.netloc_host}:{self.port}/{self.dbname}"

    def __str__(self) -> str:
        return self.key

    def with_password(self, password: str) -> "Server":
        return Server(self.host, self.port, self.dbname, self.user, password)


def is_server(text: str) -> bool:
    return str(text).lower().startswith(SCHEMES)


def parse_server(text: str) -> Server:
    """postgresql://account[:password]@host[:port]/database, with a message for what is wrong."""
    try:
        parts = urlsplit(text)
        port = 5432 if parts.port is None else parts.port
        if not 1 <= port <= 65535:  # urlsplit lets 0 through, and 65536 on some versions
            raise ValueError(port)
    except ValueError:
        raise ValidationError("db", f"Địa chỉ máy chủ dữ liệu không hợp lệ: {_hidden(text)} (cổng phải là "
                                    "một số từ 1 đến 65535).") from None
    dbname = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not parts.username or not dbname:
        raise ValidationError("db", "Địa chỉ máy chủ dữ liệu cần đủ tài khoản, máy chủ và tên cơ sở "
                                    "dữ liệu: postgresql://tai-khoan@may-chu:5432/dangvu (đã nhập "
                                    f"{_hidden(text)}).")
    return Server(parts.hostname, port, dbname, unquote(parts.username), unquote(parts.password or ""))


def _hidden(text: str) -> str:
    """The address as typed, its password replaced: messages and logs never show it."""
    try:
        parts = urlsplit(text)
        if parts.password:
            return text.replace(f":{parts.password}@", ":***@")
    except ValueError:
        pass
    return text


def location(where) -> Path | Server:
    if isinstance(where, Server):
        return where
    if is_server(str(where)):
        return parse_server(str(where))
    return Path(where)


def file_of(name: str) -> Path:
    """The file behind an open database's name: a file opened only to be looked at is named by
    its URI (db.read_only_uri), whose folder of attached files `check` still reads."""
    if name.startswith("file:"):
        parts = urlsplit(name)  # a file on a network share keeps its server: file://server/share/…
        return Path(url2pathname(f"//{parts.netloc}{parts.path}" if parts.netloc else parts.path))
    return Path(name)
