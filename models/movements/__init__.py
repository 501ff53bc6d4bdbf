"""Movements and models (phong trào, mô hình, công trình, hội thi; DOMAIN §10): who registered,
what was built and at what value, counts carried across years, the bloc's socio-political
organisations.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "figures": ("MovementFigures", "movement_figures"),
    "lists": ("EntryRow", "ItemRow", "MovementRow", "entry_rows", "item_rows", "movement_rows"),
    "record": ("add_item", "create_movement", "create_social_org", "delete_movement", "register",
        "remove_item", "social_orgs", "unregister", "update_item", "update_movement"),
    "vocab": ("CAMPAIGN", "CONG_TRINH", "CONTEST", "FOCUS", "ITEM_KINDS", "KINDS", "MO_HINH", "PILOT",
        "REPLICATED"),
})
