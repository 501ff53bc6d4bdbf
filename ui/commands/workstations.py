"""`workstation show` and `workstation register`: the office's register of the keys its
workstations sign the trail with (models/accounts/workstations.py)."""

from pathlib import Path

from models.accounts import has_key, key_id, register_this_workstation, register_workstation, registered_keys
from ui.commands.context import opened, say


def run_workstation(args, db_path: Path) -> int:
    if args.action == "show":
        with opened(db_path, args.acting_user):
            own = key_id() if has_key() else None
            say(f"Mã khóa ký nhật ký của máy này: {own}" if own else
                "Máy này chưa có khóa ký nhật ký (quản trị viên đăng ký máy: workstation register --this).")
            for known in registered_keys().values():
                trust = "" if known.trusted else " (đăng ký từ máy khác: máy này chưa xác nhận)"
                say(f"  {known.key_id}  {known.name}{trust}")
        return 0
    with opened(db_path, args.acting_user, fresh=True):  # a key trusted: the password, not a sitting
        made = (register_this_workstation(args.name) if args.this
                else register_workstation(args.key_id or "", args.name))
    say(f"Đã đăng ký máy trạm “{made.name}” (mã khóa {made.key_id}) vào sổ máy trạm, ký bằng khóa của máy "
        "này.")
    return 0
