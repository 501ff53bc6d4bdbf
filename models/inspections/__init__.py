"""Inspection, supervision and discipline (DOMAIN §5): cases, subjects, conclusions,
discipline, the year's programme and the figures of a period.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "cases": ("add_subject", "conclude_subject", "create_inspection", "get_inspection",
        "inspection_history", "record_discipline", "remove_subject", "update_inspection"),
    "corrections": ("correct_discipline", "remove_discipline"),
    "figures": ("InspectionFigures", "ProgrammeLine", "inspection_figures", "programme"),
    "lists": ("DisciplineRow", "InspectionRow", "SubjectRow", "discipline_rows", "inspection_rows",
        "subject_rows"),
    "vocab": ("BLOC_PERFORMERS", "CONCLUSIONS", "FINANCE_KIND", "FORMS", "KINDS", "PERFORMERS",
        "STATUSES", "SUBJECT_TYPES", "TASK_KIND", "TO_CHUC"),
})
