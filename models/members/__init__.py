"""The member registry (DOMAIN §2): the record, its history of events, search,
headcounts and movement, and the registry's Excel import and export.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "columns": ("LABELS",),
    "counts": ("ADDITIONS", "GrassrootsCount", "Headcount", "Movement", "REMOVALS", "bloc_totals",
               "headcount", "headcount_by_grassroots", "movement"),
    "events": ("HistoryRow", "LEAVING_PAPERS", "allowed_kinds", "check_dated_after_changes",
               "check_leaving_papers", "correct_event", "create_member", "history",
               "record_event", "remove_event", "set_letter_number"),
    "export": ("export_members",),
    "import_plan": ("ADD", "CARD_IN_REGISTRY", "DUPLICATE_KINDS", "ImportPlan", "SAME_PERSON_IN_FILE",
        "SAME_PERSON_IN_REGISTRY", "SKIP", "UPDATE", "grassroots_named", "place_in_cell", "plan_import",
        "rematch_orgs"),
    "import_write": ("ImportCancelled", "create_missing_orgs", "import_members", "rehearse_created_orgs",
        "write_problems"),
    "record": ("TEXT_FIELDS", "check_photo", "check_readable", "get_member", "get_photo", "member_fields",
        "readable_member", "set_photo", "update_member"),
    "search": ("AGE_BANDS", "MemberFilter", "MemberRow", "STATE_GROUPS", "matching_count", "member_ids",
               "member_page", "member_rows"),
})
