"""Meetings (DOMAIN §6): meetings of the bloc's bodies and of grassroots organisations,
attendance and quorum, resolutions, attached files, compliance lists and figures.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "files": ("attach_file", "file_copy", "files_of", "remove_file"),
    "lists": ("CellGap", "MeetingFigures", "MeetingFilter", "MeetingRow",
        "cells_without_monthly_meeting", "monthly_meeting_months", "cells_without_thematic_meeting",
        "thematic_cells_kept",
        "meeting_days",
        "meeting_figures", "meeting_rows", "readable_meeting"),
    "record": ("AttendanceLine", "Quorum", "add_resolution", "attendance", "create_meeting",
        "default_roster", "delete_meeting", "get_meeting", "meeting_warnings", "next_bch_number",
        "quorum", "quorum_of", "remove_resolution", "resolutions", "set_attendance", "update_meeting",
        "update_resolution"),
    "vocab": ("BCH_DUK", "BODIES", "CAP_UY_CO_SO", "CHI_BO", "KINDS", "RESOLUTION", "RESOLUTION_KINDS"),
})
