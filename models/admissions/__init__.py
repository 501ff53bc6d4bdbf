"""Admission (DOMAIN §3): candidates' cases step by step to full membership, reminders,
yearly and term targets and the admission figures of a period.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "cases": ("CaseRow", "STATES", "STEPS", "case_fields", "case_rows", "create_case",
        "full_member_date", "get_case", "next_step", "steps_for", "update_case"),
    "steps": ("STEP_FIELDS", "correct_registry_event", "correct_step", "correctable_step", "fail_probation",
        "record_step", "reopen_case", "withdraw"),
    "targets": ("AGE_BANDS", "AdmissionFigures", "admission_figures", "admitted_count", "progress",
        "remove_target", "set_target", "target_lines", "target_rows"),
    "watch": ("REMINDER_KINDS", "Reminder", "attention", "case_warnings"),
})
