"""Documents the office issues: the register of outgoing documents (numbers per type
within the congress term) and the saved report drafts.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "facts": ("COMMISSION", "Paper", "admission_paper", "bloc_facts",
        "discipline_paper", "full_membership_paper", "letter_paper", "member_facts", "placeholders_of"),
    "award_papers": ("award_batch", "award_paper", "badge_paper"),
    "numbers": ("DECIDED_STEPS", "act_day", "issued_decision", "own_number", "paper_day",
        "record_step_as_issued", "written_back"),
    "issue": ("issue_document", "write_draft"),
    "about": ("documents_about", "member_documents"),
    "register": ("TYPE_CODES", "date_order_warning", "documents_from", "issued_already", "issued_for",
        "register_document", "load_draft", "parse_number", "register_rows", "save_draft", "set_term_start",
        "term_start"),
    "templates": ("DEFAULTS", "KIND_NAMES", "PARTS", "PLACEHOLDER", "Template", "save_template",
        "template_for", "template_versions"),
})
