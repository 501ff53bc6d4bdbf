"""The command line, a user interface without windows: its grammar and one handler per
command. No Qt here (the layering test checks it): the commands run headless."""

from ui.commands.context import run
from ui.commands.data import run_backup, run_check, run_demo, run_restore
from ui.commands.documents import run_document
from ui.commands.dues import run_dues
from ui.commands.parser import build_parser
from ui.commands.printing import run_minutes, run_report
from ui.commands.records import run_export, run_import, run_ratings, run_user_add
from ui.commands.returns import run_returns
from ui.commands.server import run_transfer
from ui.commands.sittings import run_login, run_logout
from ui.commands.workstations import run_workstation

HANDLERS = {
    "demo": run_demo,
    "user": run_user_add,
    "check": run_check,
    "report": run_report,
    "minutes": run_minutes,
    "document": run_document,
    "backup": run_backup,
    "restore": run_restore,
    "import": run_import,
    "export": run_export,
    "ratings": run_ratings,
    "returns": run_returns,
    "dues": run_dues,
    "transfer": run_transfer,
    "login": run_login,
    "logout": run_logout,
    "workstation": run_workstation,
}

__all__ = ["HANDLERS", "build_parser", "run"]
