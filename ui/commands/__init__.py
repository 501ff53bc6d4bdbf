"""The command line, a user interface without windows: its grammar and one handler per
command. No Qt here (the layering test checks it): the commands run headless.

Each handler's module is loaded when its command runs: loading them all cost every command,
and the window (which starts through main.py too), 0.7 s before anything happened."""

from importlib import import_module

from ui.commands.parser import build_parser

HANDLERS = {  # command -> (module of ui.commands, handler)
    "demo": ("data", "run_demo"),
    "user": ("records", "run_user_add"),
    "check": ("data", "run_check"),
    "report": ("printing", "run_report"),
    "minutes": ("printing", "run_minutes"),
    "document": ("documents", "run_document"),
    "backup": ("data", "run_backup"),
    "restore": ("data", "run_restore"),
    "import": ("records", "run_import"),
    "export": ("records", "run_export"),
    "ratings": ("ratings", "run_ratings"),
    "returns": ("returns", "run_returns"),
    "dues": ("dues", "run_dues"),
    "transfer": ("server", "run_transfer"),
    "login": ("sittings", "run_login"),
    "logout": ("sittings", "run_logout"),
    "workstation": ("workstations", "run_workstation"),
}


def handler(command: str):
    module, name = HANDLERS[command]
    return getattr(import_module(f"ui.commands.{module}"), name)


def run(command: str, args, db_path, log_path=None) -> int:
    """Run the command's handler (ui.commands.context.run: a message, never a traceback)."""
    return import_module("ui.commands.context").run(handler(command), args, db_path, log_path)


__all__ = ["HANDLERS", "build_parser", "handler", "run"]
