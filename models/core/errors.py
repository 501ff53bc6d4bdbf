"""Errors raised by the domain layer, worded for the clerk who caused them."""

import errno
import os


class ValidationError(Exception):
    """A rule was broken. `field` names the form field the message belongs next to."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(ValidationError):
    """A record asked for by id does not exist (any more)."""

    def __init__(self, message: str):
        super().__init__("record", message)


class Forbidden(ValidationError):
    """The signed-in user's role or organisation limits do not allow this."""

    def __init__(self, message: str):
        super().__init__("permission", message)


_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EACCES: "không có quyền ghi (hoặc tệp đang mở ở chương trình khác)",
    errno.EPERM: "không có quyền ghi (hoặc tệp đang mở ở chương trình khác)",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EIO: "lỗi đọc ghi ổ đĩa",
    errno.EEXIST: "ở đó đã có một tệp cùng tên",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EISDIR: "ở đó là một thư mục, không phải tệp",
}


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in Vietnamese (its own words are English)."""
    return _OS_REASONS.get(error.errno, f"lỗi hệ thống ({error.strerror or error})")


# SQLite's words for a file it cannot use, as its error text has them.
_DATABASE_REASONS = (
    ("malformed", "tệp bị hỏng"),
    ("file is not a database", "không phải tệp cơ sở dữ liệu"),
    ("file is encrypted", "không phải tệp cơ sở dữ liệu"),
    ("unable to open", "không mở được tệp (thiếu quyền, hoặc thư mục không còn)"),
    ("locked", "tệp đang được chương trình khác dùng"),
    ("readonly", "tệp hoặc thư mục chỉ cho đọc"),
    ("disk i/o", "lỗi đọc ghi ổ đĩa"),
    ("disk is full", "ổ đĩa đã đầy"),
)


def failure_reason(error: BaseException) -> str:
    """Why a file could not be read or written, in Vietnamese, whether the operating system or
    SQLite refused: the English of either is kept only when nothing known matches."""
    if isinstance(error, ValidationError):
        return error.message
    if isinstance(error, OSError):
        return os_reason(error)
    text = str(error).lower()
    for words, reason in _DATABASE_REASONS:
        if words in text:
            return reason
    return f"lỗi hệ thống ({error})"


def not_a_file(path) -> str:
    """Why a file to read is not there: a folder named where a file was meant is said so (a
    clerk who picked the folder of returns for a single workbook read "no such file")."""
    if os.path.isdir(path):
        return f"{path} là một thư mục, không phải tệp: chọn một tệp trong đó."
    return f"Không có tệp {path}."
