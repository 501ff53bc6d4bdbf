"""Backups and restore from the window, the automatic backup when the program closes, and what
the start-up says about a damaged file or a file already open."""

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QMessageBox, QWidget

from models.accounts import record_anchor
from models.core import clock
from models.core.db import close_database, open_database
from models.core.errors import ValidationError, failure_reason
from models.core.where import Server
from models.storage import (
    CHECK_PARTS,
    BrokenTrail,
    auto_backup,
    backup_now,
    inspect_file,
    latest_good_backup,
    restore,
)
from ui import settings
from ui.tasks import Task, run_and_wait, run_task, wait_for_tasks
from ui.widgets import file_dialog
from ui.widgets.buttons import confirm, inform
from ui.widgets.save_path import ask_save_path

log = logging.getLogger("dangvu")


def backup_folder(db_path: Path | Server) -> Path:
    """The chosen folder; else "sao-luu" beside the file, or, for a server's database, in this
    workstation's app data folder (each workstation keeps its own copies of the office's data)."""
    chosen = settings.BACKUP_FOLDER.get()
    if chosen:
        return Path(chosen)
    if isinstance(db_path, Server):
        app_data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return Path(app_data) / "sao-luu"
    return db_path.parent / "sao-luu"


def keep_folder(db_path: Path) -> Path:
    return db_path.parent / "truoc-khoi-phuc"


def backup_on_exit(db_path: Path, parent: QWidget | None = None) -> None:
    """The day's automatic backup, if there is none yet. A failure is said, never hidden."""
    try:
        made = auto_backup(backup_folder(db_path), db_path)
    except (ValidationError, OSError) as error:
        log.exception("Sao lưu tự động không thành công")
        inform(parent, "Chưa sao lưu được", f"Sao lưu tự động vào {backup_folder(db_path)} không thành "
               f"công:\n{failure_reason(error)}\n\nHãy kiểm tra thư mục sao lưu (ổ USB, thư mục mạng) và sao "
               "lưu lại.", warning=True)
        return
    if made:
        log.info("Đã sao lưu tự động vào %s", made)


def anchor_on_exit(db_path: Path, parent: QWidget | None = None) -> None:
    """Where the trail ends, written down outside the file as the program closes. A failure
    (the app-data folder full or blocked) is said; the data themselves are saved already."""
    try:
        moved = record_anchor(db_path)
    except ValidationError as error:
        log.warning("Không ghi được mốc nhật ký: %s", error.message)
        inform(parent, "Chưa ghi được mốc nhật ký", f"{error.message}\n\nDữ liệu đã được lưu đầy đủ. Chỉ "
               "có điều lần kiểm tra sau (Kiểm tra toàn vẹn, lệnh check) không so được phần cuối nhật ký "
               "thay đổi với mốc của lần đóng này.", warning=True)
        return
    if not moved:  # the trail does not reach this database's last anchor: said, never passed over
        log.warning("Nhật ký của %s không tới mốc đã ghi: không ghi mốc mới", db_path)
        inform(parent, "Chưa ghi được mốc nhật ký", "Nhật ký thay đổi của tệp này không tới mốc đã ghi cho "
               "cùng dữ liệu trên máy này: có thể đây là một bản chép được ghi song song với tệp gốc (ví dụ "
               "bản để tập huấn), hoặc phần cuối nhật ký đã bị sửa ngoài phần mềm. Dữ liệu đã được lưu; "
               "xem bằng Kiểm tra toàn vẹn (lệnh check). Chỉ làm việc tiếp trên một bản.", warning=True)


def choose_backup_folder(parent: QWidget, db_path: Path) -> None:
    folder = file_dialog.get_existing_directory(parent, "Thư mục sao lưu tự động",
                                                str(backup_folder(db_path)))
    if folder:
        settings.BACKUP_FOLDER.set(folder)
        inform(parent, "Thư mục sao lưu", f"Từ nay bản sao lưu tự động được ghi vào:\n{folder}\n\n"
               "Giữ 7 bản hằng ngày gần nhất, 4 bản hằng tuần và 12 bản hằng tháng.")


def backup_by_hand(parent: QWidget, db_path: Path) -> Task | None:
    """An online copy of the open database, made off the UI thread."""
    name = f"{db_path.stem}-sao-luu-{clock.now():%Y%m%d-%H%M}.db"
    folder = backup_folder(db_path)
    try:  # before the first automatic backup it is not there, and the chooser fell back elsewhere
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # a folder that cannot be made is shown as the chooser finds it; the clerk picks another
    path = ask_save_path(parent, "Sao lưu dữ liệu", name, "Dữ liệu Đảng vụ (*.db)",
                         settings.LAST_BACKUP_FOLDER, str(folder))
    if path is None:
        return None
    return run_task(parent, lambda _progress: backup_now(path),
                    lambda _made: inform(parent, "Đã sao lưu", f"Đã sao lưu dữ liệu vào:\n{path}"),
                    label="Đang sao lưu dữ liệu…")


def restore_by_hand(parent: QWidget, db_path: Path) -> bool:
    """True when the data were replaced: the caller signs out, the accounts may differ."""
    if isinstance(db_path, Server):  # other clerks work on it: never replaced under them
        inform(parent, "Không khôi phục đè lên máy chủ", f"Dữ liệu trên máy chủ {db_path.name} đang được "
               "các cán bộ khác dùng, nên không khôi phục đè lên. Để dùng một bản sao lưu, người quản trị "
               "tạo một cơ sở dữ liệu trống trên máy chủ rồi chuyển bản sao lưu lên bằng lệnh transfer (xem "
               "hướng dẫn cài đặt máy chủ).", warning=True)
        return False
    path, _ = file_dialog.get_open_file_name(parent, "Chọn bản sao lưu để khôi phục",
                                          str(backup_folder(db_path)), "Dữ liệu Đảng vụ (*.db);;Mọi tệp (*)")
    if not path:
        return False
    try:
        check = run_and_wait(parent, lambda _progress: inspect_file(Path(path), thorough=True),
                             "Đang kiểm tra bản sao lưu…")
    except OSError as error:
        inform(parent, "Không khôi phục được", f"Không đọc được {path}: {failure_reason(error)}.",
               warning=True)
        return False
    if not check.ok:
        inform(parent, "Không khôi phục được", check.problem, warning=True)
        return False
    question = (f"Thay toàn bộ dữ liệu đang dùng bằng bản sao lưu\n{path}?\n\n"
                f"Dữ liệu hiện tại được giữ lại trong {keep_folder(db_path)}.")
    if not confirm(parent, "Khôi phục dữ liệu", question, yes="Khôi phục"):
        return False
    try:
        try:
            result = _restore_off_the_ui_thread(parent, Path(path), db_path, by_signed_in_user=True)
        except BrokenTrail as broken:
            if not confirm(parent, "Bản sao lưu không qua được phép kiểm tra",
                           f"{broken.message}\n\nVẫn khôi phục bản sao lưu này? Việc khôi phục và các vấn đề "
                           "trên được ghi vào nhật ký thay đổi.", yes="Vẫn khôi phục"):
                return False
            result = _restore_off_the_ui_thread(parent, Path(path), db_path, by_signed_in_user=True,
                                                despite_broken_trail=True)
    except ValidationError as error:  # Forbidden is one too
        inform(parent, "Không khôi phục được", error.message, warning=True)
        return False
    except OSError as error:  # the file held by another program, a full disk
        inform(parent, "Không khôi phục được", f"Không thay được tệp dữ liệu: {failure_reason(error)}. "
               "Dữ liệu đang dùng không thay đổi.", warning=True)
        return False
    inform(parent, "Đã khôi phục", "Đã khôi phục dữ liệu từ bản sao lưu."
           + (f"\nDữ liệu trước đó được giữ tại {result.kept_as}." if result.kept_as else "")
           + "\n\nHãy đăng nhập lại.")
    return True


def _restore_off_the_ui_thread(parent: QWidget | None, source: Path, db_path: Path, by_signed_in_user: bool,
                               despite_broken_trail: bool = False):
    """The file is replaced while no connection holds it: work under way finishes first, the
    window's own connection is closed, the restore runs in a task, and the window's connection
    is opened again on whatever file is there afterwards (the restored one, or the old one)."""
    wait_for_tasks()
    close_database()
    try:
        return run_and_wait(parent, lambda progress: restore(source, db_path, keep_folder(db_path),
                                                             by_signed_in_user=by_signed_in_user,
                                                             despite_broken_trail=despite_broken_trail,
                                                             step=_checking(progress)),
                            "Đang khôi phục dữ liệu…")
    finally:
        if db_path.exists() and inspect_file(db_path).ok:
            open_database(db_path)


def _checking(progress) -> Callable[[str], None]:
    """The whole check a backup passes before it is restored, part by part in the progress
    dialog (22 s at 100,000 members)."""
    parts = iter(range(CHECK_PARTS))

    def step(what: str) -> None:
        progress.step(next(parts, CHECK_PARTS - 1), CHECK_PARTS, f"Đang kiểm tra {what}…")
    return step


def offer_restore_at_start(db_path: Path, problem: str) -> bool:
    """The file cannot be opened: say why, and offer the latest good backup. True if restored."""
    newest = latest_good_backup(backup_folder(db_path), db_path.stem)
    text = f"Không mở được tệp dữ liệu:\n{db_path}\n\n{problem}\n\nTệp không bị thay đổi."
    box = QMessageBox(QMessageBox.Icon.Critical, "Không mở được dữ liệu", text)
    restore_button = None
    if newest is not None:
        box.setInformativeText(f"Có thể khôi phục bản sao lưu tự động gần nhất còn tốt:\n{newest}\n"
                               "(tệp hiện tại được giữ lại để kiểm tra).")
        restore_button = box.addButton("Khôi phục bản sao lưu gần nhất", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Đóng", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore_button is None or box.clickedButton() is not restore_button:
        return False
    try:
        _restore_off_the_ui_thread(None, newest, db_path, by_signed_in_user=False)
    except (ValidationError, OSError) as error:
        inform(None, "Không khôi phục được", str(getattr(error, "message", error)), warning=True)
        return False
    return True
