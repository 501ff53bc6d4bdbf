"""The demo database generator, apart from the domain: a plausible bloc built through
the same rules and bulk paths the clerk's data goes through.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "build": ("DemoSize", "build_demo", "check_demo_day"),
    "place": ("build_demo_file", "check_replaceable", "existing_work", "keep_copy"),
})
