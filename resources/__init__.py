"""The data files that travel with the program: fonts for the PDFs, Qt's Vietnamese
catalogue, the user guide. Found through importlib.resources, so an installed copy (a wheel,
`pip install .`, a frozen build) finds them as well as the source tree does."""

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """A file shipped in this package, as a path on disk (all of ours are plain files)."""
    return Path(str(files(__name__).joinpath(*parts)))
