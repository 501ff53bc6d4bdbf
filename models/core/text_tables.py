"""Tables as text files a clerk opens in Excel: the returns form and the change log.

Written as UTF-16 with its byte-order mark, cells parted by tabs: the one text table Excel splits
into columns on a double click whatever the Windows regional settings. A comma-separated file
opened on a Vietnamese Windows, whose list separator is ";" (the decimal mark being a comma),
put each whole line in one cell. Read back as Excel may save it after editing: that form, or
"CSV UTF-8" with commas or semicolons."""

import codecs
import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_SEPARATORS = (",", ";", "\t")


@contextmanager
def text_table_writer(path: Path) -> Iterator:
    """A csv writer over a new file at `path` in the form above."""
    with open(path, "w", newline="", encoding="utf-16-le") as handle:
        handle.write("\ufeff")  # the mark Excel reads the encoding from
        yield csv.writer(handle, delimiter="\t")


def _decoded(raw: bytes) -> str:
    """UTF-16 with its byte-order mark (Excel's "Unicode Text"), else UTF-8 ("CSV UTF-8", with
    or without the mark). Raises UnicodeDecodeError for anything else."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def _rows(text: str) -> list[list[str]]:
    """The rows, split by the separator the first line uses; blank lines left out."""
    heading = next((line for line in text.splitlines() if line.strip()), "")
    separator = max(_SEPARATORS, key=heading.count)
    return [row for row in csv.reader(io.StringIO(text), delimiter=separator)
            if any(cell.strip() for cell in row)]


def read_text_table(path: Path) -> list[list[str]]:
    """The rows of a text table as written above or as Excel saved it; raises OSError for a file
    that cannot be read and UnicodeDecodeError for one in another encoding."""
    return _rows(_decoded(Path(path).read_bytes()))
