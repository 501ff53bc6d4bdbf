"""The shares of the Party dues the office applies (QĐ 342-QĐ/TW lets each level keep a part of
what it collects and remit the rest upward). They are the office's data, not the program's:
the office types them with the day they take effect, and changes them when the rules change."""

from datetime import date

from models.accounts import session
from models.accounts.audit import log_insert, save_changes
from models.core.checks import stored_record, whole_number
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import checked_multiline
from models.dues.tables import DuesShare

RATES_MAX = 4_000


def share_rows() -> list[DuesShare]:
    """The shares the office has set, newest first."""
    return list(DuesShare.select().order_by(DuesShare.valid_from.desc()))


def share_on(day: date) -> DuesShare | None:
    """The share in force on the day: the last one that took effect by then."""
    return (DuesShare.select().where(DuesShare.valid_from <= day)
            .order_by(DuesShare.valid_from.desc()).first())


def _require_whole_bloc() -> None:
    # A clerk who keeps some organisations' records does not set the bloc's rules.
    session.require_whole_bloc(session.WRITE_RECORDS, "Tỷ lệ trích giữ lại đảng phí")


def save_share(valid_from: date | None, kept_percent, bloc_kept_percent, rates: str = "", note: str = "",
               share_id: int | None = None) -> DuesShare:
    """Set a share from a day on (a new one, or `share_id` corrected)."""
    _require_whole_bloc()
    if valid_from is None:
        raise ValidationError("valid_from", "Nhập ngày bắt đầu áp dụng.")
    check_plausible(valid_from, "valid_from", "Ngày bắt đầu áp dụng")
    values = {
        "valid_from": valid_from,
        "kept_percent": whole_number(kept_percent, "kept_percent",
                                     "Tỷ lệ tổ chức cơ sở đảng trích giữ lại (%)", 0, 100),
        "bloc_kept_percent": whole_number(bloc_kept_percent, "bloc_kept_percent",
                                          "Tỷ lệ Đảng ủy Khối trích giữ lại (%)", 0, 100),
        "rates": checked_multiline(rates, "rates", "Mức đóng đảng phí", RATES_MAX),
        "note": checked_multiline(note, "note", "Ghi chú"),
    }
    with database.atomic():
        same_day = DuesShare.get_or_none(DuesShare.valid_from == valid_from)
        if same_day is not None and same_day.id != share_id:
            raise ValidationError("valid_from", f"Đã có tỷ lệ áp dụng từ ngày {fmt_date(valid_from)}: "
                                                "sửa dòng đó thay vì thêm dòng mới.")
        if share_id is None:
            row = DuesShare.create(**values)
            log_insert(row)
            return row
        row = stored_record(DuesShare, share_id, "tỷ lệ trích giữ lại đảng phí")
        save_changes(row, values)
        return row

