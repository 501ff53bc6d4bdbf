"""The data file: inspection, online backups, rotating automatic backups, restore,
and the integrity check (`main.py check`).

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "backups": ("auto_backup", "backup_now", "backup_to", "before_opening", "holds_data", "inspect_file",
                "latest_good_backup"),
    "integrity": ("CHECK_PARTS", "all_problems", "check_file"),
    "lock": ("Holder", "acquire_lock", "held_words", "holder_of", "release_lock"),
    "opening": ("leave_as_found", "open_checked"),
    "restoring": ("BrokenTrail", "note_accepted_breakage", "restore"),
    "transfer": ("transfer_database",),
})
