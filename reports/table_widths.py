"""Column widths a table's words fit in. A column narrower than the longest word of its cells
breaks the word: "STT" came out as "ST" over "T" under a 12 mm column of the returns summary.
Such a column takes the room it lacks from the column with the most to spare, most often the
names' column, whose long names wrap between words anyway."""

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from reports.fonts import register_fonts

CELL_SIZE = 12  # points: the cells' text (reports/document.py)
PADDING_MM = 12 / mm + 0.5  # reportlab's 6 pt a side, and half a millimetre for rounding


def widths_for_words(rows: list[list], widths_mm: list[float], header_rows: int = 1) -> list[float]:
    """`widths_mm` with every column at least as wide as its longest word (in bold in the
    header rows) where another column can spare the room; the total stays the same."""
    family = register_fonts()
    needed = []
    for column in range(len(widths_mm)):
        longest = 0.0
        for index, row in enumerate(rows):
            font = f"{family}-Bold" if index < header_rows else family
            for word in str(row[column]).split():
                longest = max(longest, stringWidth(word, font, CELL_SIZE))
        needed.append(longest / mm + PADDING_MM)
    widths = list(widths_mm)
    for column, need in enumerate(needed):
        others = [other for other in range(len(widths)) if other != column]
        while widths[column] < need and others:
            donor = max(others, key=lambda other: widths[other] - needed[other])
            spare = widths[donor] - needed[donor]
            if spare <= 0:
                break  # no column has room: the word breaks, as it must
            given = min(need - widths[column], spare)
            widths[column] += given
            widths[donor] -= given
    return widths
