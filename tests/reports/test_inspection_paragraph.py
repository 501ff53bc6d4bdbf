"""The inspection paragraph of the half-year report, in the PDF and in the Word copy, is the
paragraph of examples/002 word for word when the same cases are entered."""

from docx import Document
from pypdf import PdfReader

import main
from tests.models.inspections.test_inspections import (  # noqa: F401 - the fixture is used by name
    EXAMPLE_002,
    enter_the_cases_of_example_002,
    many,
)


def test_half_year_report_prints_the_inspection_paragraph_of_example_002(many, tmp_path):  # noqa: F811
    enter_the_cases_of_example_002(many)
    db = str(many["tree"]["bloc"]._meta.database.database)
    for name in ("bc.pdf", "bc.docx"):
        command = ["report", "half-year", "--year", "2023", "--db", db, "-o", str(tmp_path / name)]
        assert main.main(command) == 0
    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(tmp_path / "bc.pdf").pages).split())
    assert EXAMPLE_002 in pdf
    assert any(p.text == EXAMPLE_002 for p in Document(str(tmp_path / "bc.docx")).paragraphs)
