"""The committees' work programme (DOMAIN §10): programme items by month, key tasks, schemes
and thematic resolutions, with who carried each out.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "record": ("WorkFigures", "create_work_item", "delete_work_item", "due_this_month", "update_work_item",
        "work_figures", "work_items"),
    "vocab": ("BODIES", "DONE", "ITEM", "KEY_TASK", "KINDS", "PLANNED", "POSTPONED", "RESOLUTION", "SCHEME",
        "STATUSES"),
})
