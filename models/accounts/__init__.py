"""Accounts: who may sign in and what their role allows (session), the office's details,
and the audit trail that records every change.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "anchor": ("record_anchor",),
    "audit": ("GENESIS", "last_hash", "verify_chain"),
    "audit_batches": ("INSERT_MANY",),
    "audit_browse": ("AuditFilter", "AuditRow", "FIELD_LABELS", "PAGE_LIMIT", "TABLE_LABELS",
        "audit_rows", "audit_usernames", "batch_entry_rows", "export_audit_csv", "field_label", "user_label"),
    "drafts": ("Draft", "DraftSlot", "draft_of", "draft_slot", "drafts_left", "drop_draft", "keep_draft",
        "mark_told"),
    "office": ("FormatWarning", "LABELS", "OfficeDetails", "office_details", "office_warnings",
        "save_office_details"),
    "session": ("Actor", "BACKUP", "CHANGE_SETTINGS", "CLERK", "ISSUE_DOCUMENTS", "MANAGE_USERS", "RESTORE",
        "ROLES", "WRITE_RECORDS", "any_user_exists", "lockout_reason", "may", "require_bloc_reader",
        "whole_bloc"),
    "sittings": ("DEFAULT_HOURS", "MAX_HOURS", "end_sitting", "open_sitting", "resume_sitting"),
    "workstations": ("register_this_workstation", "register_workstation", "registered_keys"),
    "trail_key": ("has_key", "key_id"),
    "users": ("accounts_kept_here", "actor_for", "authenticate", "check_new_account", "create_user",
        "first_start", "get_user", "set_password", "update_user", "user_orgs", "user_rows", "user_scopes"),
})
