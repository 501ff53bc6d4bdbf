"""What the command line checks as it reads the arguments: files named with the ending of what
is written into them, years within the calendar the program keeps, and argparse's own messages
in Vietnamese (they were English: "invalid int value: '5/2026'")."""

import argparse
from pathlib import Path

from models.core import clock
from models.core.dates import EARLIEST

# argparse's messages, as the clerk reads them. argparse looks its `_` and `ngettext` up when
# it speaks, so setting them here changes what it says and nothing else.
MESSAGES = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "“%(value)s” không phải giá trị hợp lệ",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn “%(value)s” (chọn một trong: "
                                                          "%(choices)s)",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là "
                                                           "%(matches)s",
    "not allowed with argument %s": "không dùng cùng tham số %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh “%(parser_name)s” (chọn một "
                                                            "trong: %(choices)s)",
}


def _said(message: str) -> str:
    return MESSAGES.get(message, message)


def _said_counted(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "cần %s giá trị"
    return singular if count == 1 else plural


argparse._ = _said
argparse.ngettext = _said_counted

PAPER = {".pdf": "PDF", ".docx": "Word"}
WORKBOOK = {".xlsx": "Excel"}


def _file_of(kinds: dict[str, str]):
    """An output file whose ending is one the command writes (reported: `-o bao-cao.doc` got a
    PDF under a Word name, which Word then refused to open)."""
    def checked(text: str) -> str:
        if Path(text).suffix.lower() not in kinds:
            endings = " hoặc ".join(f"{suffix} ({kind})" for suffix, kind in kinds.items())
            raise argparse.ArgumentTypeError(f"tệp “{text}” phải có đuôi {endings}: chương trình ghi "
                                             "theo đuôi tệp")
        return text
    return checked


paper_file = _file_of(PAPER)
workbook_file = _file_of(WORKBOOK)


def year_number(text: str) -> int:
    """A year of the bloc's records: from the earliest date the program keeps to next year
    (reported: `--year 0` ended with "year 0 is out of range")."""
    last = clock.today().year + 1
    try:
        year = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải một năm (ví dụ 2026)") from None
    if not EARLIEST.year <= year <= last:
        raise argparse.ArgumentTypeError(f"năm {year} ở ngoài khoảng {EARLIEST.year}–{last}")
    return year
