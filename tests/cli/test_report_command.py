"""`main.py report`: a draft or an issued report, and no number burnt by a failed write."""

from datetime import date

from pypdf import PdfReader

import main
from models.core.db import close_database, open_database
from models.documents.register import register_rows


def test_a_failed_issue_leaves_the_register_as_it_was(bloc_tree, make_member, db_location, tmp_path):
    make_member(admitted=date(2023, 4, 1))
    db = db_location
    close_database()
    blocked = tmp_path / "bao-cao.pdf"
    blocked.mkdir()  # where the PDF should go there is a folder: the write must fail
    (blocked / "giu-nguyen.txt").write_text("x")
    args = ["report", "year-end", "--year", "2023", "--db", str(db), "--issue", "--date", "02/02/2024"]
    assert main.main([*args, "-o", str(blocked)]) == 1
    assert main.main([*args, "-o", str(tmp_path / "bc.pdf")]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(tmp_path / "bc.pdf").pages)
    assert "Số 01-BC/" in " ".join(text.split())
    open_database(db)
    assert [row[:2] for row in register_rows()] == [(1, "BC")]


def test_a_draft_takes_no_number(bloc_tree, db_location, tmp_path, capsys):
    db = db_location
    close_database()
    assert main.main(["report", "half-year", "--year", "2024", "--db", str(db), "-o",
                      str(tmp_path / "du-thao.pdf")]) == 0
    assert "bản dự thảo" in capsys.readouterr().out
    open_database(db)
    assert register_rows() == []
