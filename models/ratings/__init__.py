"""The annual quality rating (DOMAIN §4): rules by year, the rating grid, the exchange
of rating workbooks with grassroots organisations and the figures of a year.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "exchange": ("apply_rating_return", "export_rating_workbooks", "read_rating_workbook"),
    "figures": ("RatingFigures", "rating_figures"),
    "grid": ("GridRow", "TOTAL_FIELDS", "grid_rows", "org_level", "org_totals", "rate_members",
        "rate_org", "set_totals", "year_warnings"),
    "rules": ("ADEQUATE", "EXCELLENT", "FAILED", "GOOD", "NOT_RATED_REASONS", "rules_for",
        "year_being_rated"),
})
