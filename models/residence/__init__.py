"""Members' contact with the Party organisation where they live (Quy định 213-QĐ/TW,
Hướng dẫn 33-HD/BTCTW; DOMAIN §11).

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "contact": ("ContactRow", "ResidenceFigures", "comments_of", "contact_rows", "get_contact",
        "record_comment", "residence_figures", "save_residence", "set_contact"),
    "exchange": ("CommentReturn", "apply_comment_list", "export_comment_list", "read_comment_list"),
    "vocab": ("DAT", "EXEMPTIONS", "KHONG_DAT", "NOT_INTRODUCED_EXEMPTIONS", "RESULTS"),
})
