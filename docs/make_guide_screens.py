"""Screenshots of every page for the user guide (resources/guide/*.png), taken on the
75-organisation demo at 1366×728 as a clerk's laptop shows them.

    python docs/make_guide_screens.py          # needs a display (Xvfb is fine)

Run it again when a page changes; the guide names each image by the page's file name."""

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DANGVU_KEY_DIR", tempfile.mkdtemp(prefix="dangvu-khoa-"))

from PySide6.QtCore import QStandardPaths, Qt  # noqa: E402

QStandardPaths.setTestModeEnabled(True)  # never the clerk's own settings

from models.accounts import session  # noqa: E402
from models.accounts.users import authenticate, create_user  # noqa: E402
from models.core.db import open_database  # noqa: E402
from models.demo import DemoSize, build_demo  # noqa: E402
from models.orgs import org_rows  # noqa: E402
from ui.app import make_application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "resources" / "guide"
WIDTH = 1000  # the guide's images are scaled to this width


def signed_in_office():
    """The accounts an office keeps (an administrator, a clerk limited to two grassroots
    organisations, a viewer), signed in as the administrator: the guide shows what a clerk sees."""
    password = "mat-khau-huong-dan-1"
    create_user("quantri", "Nguyễn Thị Quản", "ADMIN", password)
    actor = authenticate("quantri", password)
    session.set_current(actor)
    grassroots = [row.id for row in org_rows() if row.level in ("DBCS", "CBCS") and not row.dissolved][:2]
    create_user("thuky", "Trần Văn Thư", "CLERK", password, grassroots)
    create_user("xem", "Lê Thị Xem", "VIEWER", password)
    return actor


def main() -> int:
    app = make_application()
    folder = Path(tempfile.mkdtemp(prefix="dangvu-huong-dan-"))
    database = open_database(folder / "demo.db")
    build_demo(DemoSize())
    actor = signed_in_office()
    window = MainWindow(Path(database.database), actor)
    window.resize(1366, 728)
    window.show()
    for index, page_class in enumerate(window.page_classes):
        window.sidebar.setCurrentRow(index)
        page = window.page(page_class)
        started = time.monotonic()
        while (page.loading() or time.monotonic() - started < 0.3) and time.monotonic() - started < 30:
            app.processEvents()
        image = window.grab().toImage().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        image.save(str(OUT / f"{page_class.__module__.split('.')[1]}.jpg"), "JPG", 85)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
