"""Backups from the window: the day's backup on exit, restore by hand (checked, confirmed, the
current file kept), one window per data file."""

from pathlib import Path

from models.accounts import anchor
from models.core import vocab as v
from models.core.db import close_database, database, open_database
from models.orgs.changes import create_org
from models.orgs.tables import PartyOrg
from models.storage.backups import auto_backups, backup_to
from ui import settings, storage
from ui.widgets import file_dialog


def test_backup_on_exit_writes_the_days_backup_into_the_chosen_folder(qtbot, db, tmp_path):
    db_path = Path(database.database)
    settings.BACKUP_FOLDER.set(str(tmp_path / "usb"))
    storage.backup_on_exit(db_path)
    storage.backup_on_exit(db_path)  # at most one a day
    assert len(auto_backups(tmp_path / "usb", db_path.stem)) == 1


def test_restore_by_hand_checks_confirms_and_keeps_the_current_file(qtbot, db, tmp_path, monkeypatch):
    db_path = Path(database.database)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    copy = backup_to(tmp_path / "sao-luu.db")
    create_org(name="Chi bộ Sau", level=v.CBCS, parent_id=PartyOrg.get().id)
    shown = []
    monkeypatch.setattr(storage, "inform", lambda _p, title, text, warning=False: shown.append((title, text)))
    monkeypatch.setattr(file_dialog, "get_open_file_name", lambda *_a, **_k: (str(tmp_path / "note.txt"), ""))
    (tmp_path / "note.txt").write_text("ghi chú")
    assert not storage.restore_by_hand(None, db_path)
    assert "không phải tệp dữ liệu" in shown[-1][1]
    monkeypatch.setattr(file_dialog, "get_open_file_name", lambda *_a, **_k: (str(copy), ""))
    monkeypatch.setattr(storage, "confirm", lambda *_a, **_k: False)
    assert not storage.restore_by_hand(None, db_path)
    assert PartyOrg.select().count() == 2
    monkeypatch.setattr(storage, "confirm", lambda *_a, **_k: True)
    assert storage.restore_by_hand(None, db_path)
    assert [row.name for row in PartyOrg.select()] == ["Đảng bộ Khối các cơ quan tỉnh"]
    assert any(path.name.startswith(db_path.stem) for path in storage.keep_folder(db_path).iterdir())


def test_a_second_window_on_the_same_file_is_refused(qtbot, tmp_path, monkeypatch):
    """The window takes the file's lock at start; a second one is told who holds it."""
    import subprocess
    import sys

    from ui import app

    db_path = tmp_path / "dangvu.db"
    root = Path(app.__file__).resolve().parents[1]
    script = (f"import sys, time; sys.path.insert(0, {str(root)!r}); from pathlib import Path; "
              "from models.storage.lock import acquire_lock; "
              f"acquire_lock(Path({str(db_path)!r})); print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        told = []
        monkeypatch.setattr(app, "_tell", lambda title, text: told.append(text))
        assert app.run_gui(db_path) == 1
        assert "đang được mở trong cửa sổ Đảng vụ" in told[0] and "máy" in told[0]
    finally:
        holder.kill()
        holder.wait()


def test_a_damaged_file_at_start_is_replaced_by_the_latest_good_backup(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from models.core.db import close_database, open_database
    from models.storage.backups import inspect_file

    db_path = tmp_path / "dangvu.db"
    open_database(db_path)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    settings.BACKUP_FOLDER.set(str(tmp_path / "sao-luu"))
    storage.backup_on_exit(db_path)
    close_database()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * 3996  # the schema page overwritten: the file is damaged
    db_path.write_bytes(bytes(data))
    problem = inspect_file(db_path).problem
    assert problem
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.buttons()[-1]
                        if box.buttons()[-1].text().startswith("Khôi phục") else box.buttons()[0])
    assert storage.offer_restore_at_start(db_path, problem)
    assert inspect_file(db_path).ok and PartyOrg.get().name == "Đảng bộ Khối các cơ quan tỉnh"
    kept = [path.name for path in storage.keep_folder(db_path).iterdir()]
    assert any(name.endswith("-hong.db") for name in kept)  # the damaged file kept as it was
    assert not any("dang-ghi" in name for name in kept)  # and no half copy beside it
    close_database()


def test_restoring_a_backup_with_a_broken_trail_asks_first(qtbot, db, tmp_path, monkeypatch):
    import sqlite3

    db_path = Path(database.database)
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level=v.BLOC)
    copy = backup_to(tmp_path / "sao-luu.db")
    create_org(name="Chi bộ Sau", level=v.CBCS, parent_id=PartyOrg.get().id)
    with sqlite3.connect(copy) as raw:
        raw.execute("update audit_entry set username = 'ai-do' where id = 1")
    asked = []
    monkeypatch.setattr(storage, "inform", lambda *_a, **_k: None)
    monkeypatch.setattr(file_dialog, "get_open_file_name", lambda *_a, **_k: (str(copy), ""))
    answers = iter([True, False, True, True])
    monkeypatch.setattr(storage, "confirm", lambda _p, title, *_a, **_k: asked.append(title) or next(answers))
    assert not storage.restore_by_hand(None, db_path)  # the clerk declines once told
    assert asked[-1] == "Bản sao lưu không qua được phép kiểm tra"
    assert PartyOrg.select().count() == 2
    assert storage.restore_by_hand(None, db_path)
    assert PartyOrg.select().count() == 1


def test_an_anchor_that_cannot_be_written_at_exit_is_said(qtbot, tmp_path, monkeypatch):
    """The app-data folder blocked as the program closes: a message, not the crash dialog."""
    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "khoa"))
    monkeypatch.setattr("models.accounts.trail_key._remembered", None)
    (tmp_path / "khoa" / anchor.ANCHORS_FILE).mkdir(parents=True)
    told = []
    monkeypatch.setattr("ui.storage.inform", lambda *args, **kwargs: told.append(args))
    open_database(tmp_path / "dangvu.db")
    create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    storage.anchor_on_exit(tmp_path / "dangvu.db")
    close_database()
    assert told and told[0][1] == "Chưa ghi được mốc nhật ký" and anchor.ANCHORS_FILE in told[0][2]


def test_the_restore_dialog_names_each_part_of_the_whole_check(tmp_path):
    """A backup passes the whole check before it is restored (40 s at 100,000 members): the
    progress dialog names each part as it begins, not one still "Đang khôi phục dữ liệu…"."""
    from models.core.db import close_database, open_database
    from models.storage import CHECK_PARTS, check_file
    from ui.storage import _checking

    open_database(tmp_path / "dangvu.db")
    close_database()
    seen = []

    class Progress:
        def step(self, done, total, text=""):
            seen.append((done, total, text))

    check_file(tmp_path / "dangvu.db", _checking(Progress()))
    assert [done for done, _total, _text in seen] == list(range(CHECK_PARTS))
    assert all(total == CHECK_PARTS and text.startswith("Đang kiểm tra ") for _done, total, text in seen)


def test_a_copy_written_beside_the_file_is_said_as_the_window_closes(qtbot, tmp_path, monkeypatch):
    """Two copies of one database both written here: the window closing on the second could not
    move the anchor, and said nothing; the next check flagged its end."""
    import shutil

    monkeypatch.setenv("DANGVU_KEY_DIR", str(tmp_path / "khoa"))
    monkeypatch.setattr("models.accounts.trail_key._remembered", None)
    told = []
    monkeypatch.setattr("ui.storage.inform", lambda *args, **kwargs: told.append(args))
    original, copy = tmp_path / "dangvu.db", tmp_path / "tap-huan.db"
    open_database(original)
    bloc = create_org(name="Đảng bộ Khối các cơ quan tỉnh", level="BLOC")
    storage.anchor_on_exit(original)
    close_database()
    shutil.copyfile(original, copy)
    for path, name in ((original, "Chi bộ A"), (copy, "Chi bộ B")):
        open_database(path)
        create_org(name=name, level="CBCS", parent_id=bloc.id)
        storage.anchor_on_exit(path)
        close_database()
    assert len(told) == 1 and told[0][1] == "Chưa ghi được mốc nhật ký" and "bản chép" in told[0][2]


def test_a_file_in_a_folder_not_there_or_read_only_is_said_plainly(qtbot, tmp_path, monkeypatch):
    """On a real display, `main.py --db` with a folder that does not exist (a USB stick not
    plugged in, a mistyped shortcut) showed "Lỗi không lường trước … [Errno 2] No such file or
    directory: '….db.lock'"; a read-only folder the same with Permission denied."""
    import errno

    from ui import app

    told = []
    monkeypatch.setattr(app, "_tell", lambda title, text: told.append((title, text)))
    missing = tmp_path / "usb" / "dangvu.db"
    assert app.run_gui(missing) == 1
    assert told[0][0] == "Không mở được dữ liệu"
    assert f"Không có thư mục {missing.parent}" in told[0][1] and "Errno" not in told[0][1]
    assert not missing.parent.exists()  # nothing made in its place
    # `--db` given a folder: "Lỗi không lường trước … IsADirectoryError".
    assert app.run_gui(tmp_path) == 1
    assert told[-1] == ("Không mở được dữ liệu", f"{tmp_path} là một thư mục, không phải tệp dữ liệu: hãy "
                                                 "chọn tệp dữ liệu (.db) trong thư mục đó.")
    # A read-only folder or share (as the lock file is made there; root writes anywhere, so the
    # refusal is the operating system's own, given here).
    def refused(path):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(app, "acquire_lock", refused)
    assert app.run_gui(tmp_path / "dangvu.db") == 1
    assert "không có quyền" in told[-1][1] and "Errno" not in told[-1][1] and "Permission" not in told[-1][1]


def test_leaving_the_first_start_leaves_nothing_behind(qtbot, tmp_path, monkeypatch):
    """On a real display: started on a mistyped path and left at "Thiết lập lần đầu" (Thoát), the
    program left a 651 kB data file there and an automatic backup of it in a new "sao-luu"
    folder beside it. An empty file the clerk pointed at is left empty."""
    from ui import app
    from ui.users import dialogs

    monkeypatch.setattr(dialogs.FirstStartDialog, "ask", classmethod(lambda cls: None))
    new = tmp_path / "go-nham.db"
    assert app.run_gui(new) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == []
    empty = tmp_path / "rong.db"
    empty.write_bytes(b"")
    assert app.run_gui(empty) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["rong.db"] and empty.stat().st_size == 0
