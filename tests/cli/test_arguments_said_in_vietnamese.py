"""What the command line says about its own arguments, before any data is opened (found by
trying each command with arguments a clerk might mistype): in Vietnamese, never a Python
error, and never a file of one kind under another kind's name."""

import argparse

import pytest

import main
from ui.commands.parser import build_parser

ENGLISH = ("invalid", "error:", "required:", "unrecognized", "choose from", "expected", "usage:")


def said(capsys, argv: list[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main.main(argv)
    assert stopped.value.code == 2  # wrong arguments: nothing opened, nothing written
    words = capsys.readouterr().err
    assert "Traceback" not in words and not any(english in words for english in ENGLISH), words
    return words


@pytest.mark.parametrize("argv, expected", [
    (["dues", "report", "--year", "2026", "--quarter", "5/2026", "-o", "q.pdf"], "“5/2026” không phải"),
    (["dues", "report", "--year", "2026", "--quarter", "5", "-o", "q.pdf"], "không có lựa chọn “5”"),
    (["report", "year-end", "--year", "0", "-o", "bc.pdf"], "năm 0 ở ngoài khoảng 1900–"),
    (["report", "year-end", "--year", "99999", "-o", "bc.pdf"], "năm 99999 ở ngoài khoảng"),
    (["report", "year-end", "--year", "hai nghìn", "-o", "bc.pdf"], "“hai nghìn” không phải một năm"),
    (["report", "year-end", "-o", "bc.pdf"], "thiếu tham số bắt buộc: --year"),
    (["report", "year-end", "--year", "2026", "-o", "bc.doc"], "phải có đuôi .pdf (PDF) hoặc .docx (Word)"),
    (["document", "giay-khen", "--for", "1", "-o", "giay-khen.txt"], "phải có đuôi .pdf"),
    (["export", "members", "-o", "danh-sach.csv"], "phải có đuôi .xlsx (Excel)"),
    (["returns", "status", "--request", "1"], "không hiểu tham số: --request"),
    (["bao-cao"], "không có lựa chọn “bao-cao”"),
])
def test_a_mistyped_argument_is_said_in_vietnamese(capsys, tmp_path, argv, expected):
    words = said(capsys, [*argv, "--db", str(tmp_path / "khong-co.db")] if argv[0] != "bao-cao" else argv)
    assert expected in words and "lỗi:" in words
    assert not list(tmp_path.iterdir())


def test_the_help_is_in_vietnamese(capsys):
    with pytest.raises(SystemExit):
        main.main(["report", "--help"])
    words = capsys.readouterr().out
    assert "cách dùng:" in words and "tùy chọn" in words and "hiện hướng dẫn này rồi thoát" in words
    assert "usage:" not in words and "show this help" not in words


def _every_command(parser, path=()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _every_command(child, (*path, name))


def test_every_argument_of_every_command_is_explained_in_vietnamese():
    """`--year YEAR`, `--user ACTING_USER` or an option with no line of help left a clerk guessing
    what to type; every value a command takes is named and explained in Vietnamese."""
    unexplained = []
    for path, parser in _every_command(build_parser()):
        for action in parser._actions:
            if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                continue
            named = action.nargs == 0 or action.choices or (action.metavar and not action.metavar.isascii()) \
                or action.metavar == "DD/MM/YYYY"
            if not action.help or not named:
                unexplained.append(f"{' '.join(path)} {'/'.join(action.option_strings) or action.dest}")
    assert not unexplained, unexplained


def test_a_date_a_certificate_cannot_bear_is_refused_not_dropped(capsys, tmp_path):
    """`document giay-khen --date 01/01/2000` wrote the certificates dated with their decision
    and said nothing of the date asked for."""
    output = tmp_path / "giay-khen.pdf"
    assert main.main(["document", "giay-khen", "--for", "1", "--date", "01/01/2000", "-o", str(output),
                      "--db", str(tmp_path / "khong-co.db")]) == 1
    assert "Giấy khen mang ngày của quyết định khen thưởng" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
