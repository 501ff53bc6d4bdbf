"""The organisation tree (DOMAIN §1): the tree as read, its changes, and what each
organisation holds.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "changes": ("create_org", "dissolve_org", "move_org", "redate_dissolution", "update_org"),
    "contents": ("member_counts", "org_warnings", "size_warning"),
    "tree": ("OrgRow", "check_in_scope", "children_map", "committees_above", "full_name_of", "full_names",
        "get_org", "grassroots_names", "name_chains", "org_rows", "tree_order", "tree_ranks"),
})
