"""Awards and Party badges (DOMAIN §7, §9): awards with their proposal lists, seniority,
the badge list of a presentation day and the badges presented.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "awarding": ("AwardCounts", "AwardRow", "Proposal", "award_counts", "award_many", "awards_between",
        "issuer_advice",
        "create_award", "decisions_among", "delete_award", "streak_campaign", "streak_proposals",
        "tsvm_campaign", "tsvm_proposals", "update_award"),
    "badges": ("BadgeCandidate", "BadgeRow", "CANDIDATE_KINDS", "EARLY", "POSTHUMOUS", "badge_counts",
        "badge_list", "badges_presented", "present_badge", "present_badges", "remove_badge"),
    "seniority": ("MILESTONES", "occasions_of"),
})
