"""Đảng vụ — the only entry point.

    python main.py [--db FILE]                  open the window
    python main.py demo --db FILE [--orgs N] [--members N] [--seed S] [--force | --if-missing]
    python main.py user add USERNAME --name "Họ tên" --role ADMIN|CLERK|VIEWER --db FILE [--user U]
    python main.py check --db FILE
    python main.py backup --db FILE -o BACKUP.db
    python main.py restore BACKUP.db --db FILE [--user U]
    python main.py import members FILE.xlsx --db FILE [--dry-run] [--cards skip|update]
                                           [--same-person skip|add] [--create-orgs] [--user U]
    python main.py export members --db FILE -o FILE.xlsx [--user U]
    python main.py ratings export --year Y --db FILE -o FOLDER
    python main.py ratings import FILE.xlsx… --year Y --db FILE [--dry-run] [--user U]
    python main.py report year-end|half-year --year Y --db FILE -o OUT.pdf [--issue] [--date D]

Commands that change records act as `--user` (password from DANGVU_PASSWORD or asked), or
as the local administrator while the database has no account yet; both are audited. The
handlers live in ui/commands/; this file only resolves the data file and dispatches.
"""

import logging
import os
import sys
from importlib import import_module
from pathlib import Path

from models.core.errors import ValidationError
from models.core.files import APP_FOLDER, app_data
from models.core.where import Server, is_server, parse_server
from ui.commands import build_parser, run
from ui.credentials import located, with_stored_password

ORG_NAME, APP_ID = APP_FOLDER
DB_FILE = "dangvu.db"


def default_data_dir() -> Path:
    """The per-user app data folder (QStandardPaths), without starting a GUI. Qt is loaded
    only here, for the window and a command without --db: a command given its data starts
    without it (0.1 s)."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def chosen_server() -> Server | None:
    """The server chosen in Tệp › Kết nối máy chủ dữ liệu on this workstation, with its kept
    password if any; None: the local file."""
    address = import_module("ui.settings").DATA_SERVER.get()
    if not is_server(address):
        return None
    try:
        return with_stored_password(parse_server(address))
    except ValidationError:  # a setting edited by hand: the local file, as before the choice
        return None


def resolve_db_path(arg: str | None) -> Path | Server:
    """--db, else DANGVU_DB, else the server chosen in the window (Tệp › Kết nối máy chủ dữ
    liệu), else the file in the user's app data folder: a file's full path, or a server (whose
    password comes from the address, the OS's credential store or DANGVU_DB_PASSWORD)."""
    given = arg or os.environ.get("DANGVU_DB")
    if not given:
        default_data_dir()  # names the application, whose settings hold the chosen server
        return chosen_server() or default_data_dir() / DB_FILE
    where = located(given)
    if arg and isinstance(where, Server) and where.password:  # accepted, but said
        print("Lưu ý: mật khẩu ghi trong địa chỉ --db hiện trong danh sách tiến trình của máy (ps, Task "
              "Manager) suốt lúc lệnh chạy. Hãy dùng DANGVU_DB_PASSWORD hoặc kho mật khẩu của hệ điều hành "
              "(Tệp › Kết nối máy chủ dữ liệu).", file=sys.stderr)
    return where


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        db_path = resolve_db_path(getattr(args, "sub_db", None) or args.db)
    except ValidationError as error:  # an address that is not one
        print(error.message, file=sys.stderr)
        return 2
    if args.command is None:
        # The widgets load only for the window: commands stay quick and headless.
        from ui.app import run_gui

        return run_gui(db_path, default_data_dir() / DB_FILE)
    return run(args.command, args, db_path, log_path=app_data() / "dangvu.log")


if __name__ == "__main__":
    sys.exit(main())
