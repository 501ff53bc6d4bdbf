"""The member record (DOMAIN §2): validation of what the clerk typed, create and edit.

State changes (admitted, transferred, deceased…) are not edited here: they are events,
recorded through events.record_event(), which keeps the current state in step.
"""

import re
from datetime import date

from models.accounts.audit import check_version, log_delete, log_insert, log_update, save_changes, values_of
from models.accounts.session import VIEW_PERSONAL, WRITE_RECORDS, may, require
from models.core import clock
from models.core import vocab as v
from models.core.checks import stored_record
from models.core.dates import add_months, age_on, check_plausible, fmt_date
from models.core.db import database
from models.core.errors import Forbidden, ValidationError
from models.core.text import checked_multiline, clean, fold, name_sort_key
from models.members.tables import Member, MemberPhoto
from models.orgs.tree import check_in_scope, scope_ids

TEXT_FIELDS = {
    "other_name": "Tên gọi khác",
    "ethnicity": "Dân tộc",
    "religion": "Tôn giáo",
    "home_town": "Quê quán",
    "residence": "Nơi ở hiện nay",
    "education": "Giáo dục phổ thông",
    "professional_level": "Chuyên môn, nghiệp vụ",
    "political_theory": "Lý luận chính trị",
    "occupation": "Nghề nghiệp, chức vụ",
    "party_posts": "Chức vụ trong Đảng",
}
TEXT_MAX = 200
NAME_MAX = 100
MIN_AGE = 18
_SPACE = re.compile(r"\s")
PHOTO_MAX_BYTES = 2 * 1024 * 1024

CARD_NUMBER = re.compile(r"^\d{8}$")
DOSSIER_NUMBER = re.compile(r"^\d{6}[A-ZĐ]{1,3}$")
IDENTITY_NUMBER = re.compile(r"^(\d{9}|\d{12})$")


def get_member(member_id: int) -> Member:
    return stored_record(Member, member_id, "đảng viên")


def check_readable(member: Member) -> None:
    """A paper or sheet about a member is taken out of the program: for an account limited to
    some organisations, only their members (reported: such a clerk printed the member sheet and
    the short record of members of other organisations)."""
    if member.org_id is not None:
        check_in_scope(member.org_id)
    elif scope_ids() is not None:
        raise Forbidden("Tài khoản này chỉ được làm việc với các tổ chức được giao; hồ sơ này không thuộc tổ "
                        "chức nào trong đó.")


def readable_member(member_id: int) -> Member:
    member = get_member(member_id)
    check_readable(member)
    return member


def _identifier(fields: dict, key: str) -> str | None:
    """As typed, spaces aside (a number read out in groups); anything else that is not of the
    identifier's form is refused by the caller, never quietly removed."""
    value = fields.get(key)
    if not value:  # most members have no CCCD in the registry yet
        return None
    return _SPACE.sub("", clean(value)).upper() or None


def _as_cleaned(value) -> str:
    return value or ""


def validate(fields: dict, member_id: int | None = None, check_unique: bool = True,
             cleaned: bool = False) -> dict:
    """Clean every field and check the rules; returns what would be stored. An import checks
    the identifiers against the registry once for the whole file (check_unique=False), and its
    name and texts come already through clean() (`cleaned`: not cleaned a second time, a
    million calls for 100,000 members)."""
    tidy = _as_cleaned if cleaned else clean
    data: dict = {}
    name = tidy(fields.get("full_name"))
    if not name:
        raise ValidationError("full_name", "Nhập họ và tên.")
    if len(name) > NAME_MAX:
        raise ValidationError("full_name", f"Họ và tên dài quá {NAME_MAX} ký tự.")
    if len(name.split(" ")) < 2 or any(map(str.isdigit, name)):
        raise ValidationError("full_name", "Nhập đầy đủ họ và tên (ít nhất hai chữ, không có chữ số).")
    data.update(full_name=name, name_folded=fold(name), sort_key=name_sort_key(name))

    sex = fields.get("sex")
    if sex not in v.SEXES:
        raise ValidationError("sex", "Chọn giới tính.")
    data["sex"] = sex

    birth = fields.get("birth_date")
    if birth is None:
        raise ValidationError("birth_date", "Nhập ngày sinh.")
    today = clock.today()
    check_plausible(birth, "birth_date", "Ngày sinh", today)
    if age_on(birth, today) < MIN_AGE:
        raise ValidationError("birth_date", f"Đảng viên phải từ đủ {MIN_AGE} tuổi trở lên.")
    data["birth_date"] = birth

    for key, label in TEXT_FIELDS.items():
        value = tidy(fields.get(key))
        if len(value) > TEXT_MAX:
            raise ValidationError(key, f"{label} dài quá {TEXT_MAX} ký tự.")
        data[key] = value
    data["note"] = checked_multiline(fields.get("note"), "note", "Ghi chú")
    data["youth_union"] = bool(fields.get("youth_union"))

    _identifiers(fields, data, member_id, check_unique)
    _party_dates(fields, data, today)
    return data


def _identifiers(fields: dict, data: dict, member_id: int | None, check_unique: bool = True) -> None:
    identity = _identifier(fields, "identity_number")
    if identity and not IDENTITY_NUMBER.match(identity):
        raise ValidationError("identity_number", "Số CCCD gồm 12 chữ số (CMND cũ: 9 chữ số).")
    card = _identifier(fields, "card_number")
    if card and not CARD_NUMBER.match(card):
        raise ValidationError(
            "card_number", "Số thẻ đảng viên gồm đúng 8 chữ số (giữ cả số 0 ở đầu, ví dụ 01234567)."
        )
    dossier = _identifier(fields, "dossier_number")
    if dossier and not DOSSIER_NUMBER.match(dossier):
        raise ValidationError(
            "dossier_number", "Số lý lịch gồm 6 chữ số và 1–3 chữ cái mã tỉnh, ví dụ 012345QN."
        )
    for key, value, label in (
        ("identity_number", identity, "Số CCCD"),
        ("card_number", card, "Số thẻ đảng viên"),
        ("dossier_number", dossier, "Số lý lịch"),
    ):
        if value and check_unique:
            column = getattr(Member, key)
            other = Member.select(Member.full_name).where(column == value)
            if member_id is not None:
                other = other.where(Member.id != member_id)
            holder = other.first()
            if holder:
                raise ValidationError(key, f"{label} {value} đã có ở hồ sơ đảng viên {holder.full_name}.")
        data[key] = value


def check_party_dates(member: Member) -> None:
    """The stored record's days of birth, admission, ceremony and full membership in their
    order, as a form's save checks them (for a write that moves one of them, not a form)."""
    fields = {key: getattr(member, key) for key in ("birth_date", "admission_date", "ceremony_date",
                                                    "full_member_date")}
    _party_dates(fields, dict(fields), clock.today())


def _party_dates(fields: dict, data: dict, today: date) -> None:
    labels = (
        ("admission_date", "Ngày quyết định kết nạp"),
        ("ceremony_date", "Ngày vào Đảng (lễ kết nạp)"),
        ("full_member_date", "Ngày chính thức"),
    )
    for key, label in labels:
        value = fields.get(key)
        check_plausible(value, key, label, today)
        data[key] = value
    birth, admitted = data["birth_date"], data["admission_date"]
    ceremony, full = data["ceremony_date"], data["full_member_date"]
    if admitted and admitted <= birth:  # reported only as "chưa đủ 18 tuổi", which hid the typing slip
        raise ValidationError("admission_date", f"Ngày kết nạp {fmt_date(admitted)} ở trước ngày sinh "
                                                f"{fmt_date(birth)}: hãy kiểm tra lại hai ngày này.")
    if admitted and age_on(birth, admitted) < MIN_AGE:
        raise ValidationError(
            "admission_date", f"Ngày kết nạp {fmt_date(admitted)}: khi đó chưa đủ {MIN_AGE} tuổi."
        )
    if admitted and ceremony and ceremony < admitted:
        raise ValidationError("ceremony_date", "Lễ kết nạp phải sau ngày quyết định kết nạp.")
    start = ceremony or admitted
    if full and not start:
        raise ValidationError("full_member_date", "Nhập ngày kết nạp trước ngày chính thức.")
    if full and full < add_months(start, 12):
        raise ValidationError(
            "full_member_date",
            f"Ngày chính thức phải sau đủ 12 tháng dự bị, tức từ {fmt_date(add_months(start, 12))}.",
        )


def check_full_date(membership: str | None, full_member_date, opening_kind: str | None = None) -> None:
    """A probationary member has no full-membership date yet: the date comes with the
    recognition (reported: a new member saved as dự bị with a full date counted as a review
    overdue since 2021 and printed both on the member sheet)."""
    if membership != v.PROBATIONARY or full_member_date is None:
        return
    if opening_kind in (v.TRANSFER_IN, v.TEMP_IN_START):
        advice = "chọn “Chính thức” ở mục “Là đảng viên”"
    else:
        advice = "ghi biến động “Công nhận đảng viên chính thức” ở tab Quá trình, biến động"
    raise ValidationError("full_member_date", f"Đảng viên dự bị chưa có ngày chính thức (đã nhập "
                                              f"{fmt_date(full_member_date)}). Nếu người này đã là đảng viên "
                                              f"chính thức, {advice}; nếu chưa, để trống ngày chính thức.")


def update_member(member_id: int, fields: dict, seen_version: int | None = None) -> Member:
    """`seen_version`: the version the form read; a record saved since by someone else is not
    overwritten (EditedMeanwhile)."""
    with database.atomic():
        member = get_member(member_id)
        _check_scope(member)
        check_version(member, seen_version)
        data = validate(fields, member_id)
        check_full_date(member.membership, data["full_member_date"])
        save_changes(member, data, touch=True)
        return member


def _check_scope(member: Member) -> None:
    require(WRITE_RECORDS)
    if member.org_id is not None:
        check_in_scope(member.org_id)


PERSONAL_FIELDS = ("identity_number", "home_town", "residence")
MASK = "••••••"


def member_fields(member: Member) -> dict:
    """The editable fields of a record, in the shape validate() takes. Identity number and
    addresses are masked for a user whose role may not see them."""
    keys = ["full_name", "sex", "birth_date", "identity_number", "card_number", "dossier_number",
            "admission_date", "ceremony_date", "full_member_date", "note", "youth_union",
            *TEXT_FIELDS]
    fields = {key: getattr(member, key) for key in keys}
    if not may(VIEW_PERSONAL):
        for key in PERSONAL_FIELDS:
            fields[key] = MASK if fields[key] else fields[key]
    return fields


def _looks_like_image(data: bytes) -> bool:
    return data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n")


def check_photo(data: bytes) -> None:
    if len(data) > PHOTO_MAX_BYTES:
        raise ValidationError("photo", "Ảnh lớn quá 2 MB; hãy thu nhỏ ảnh 3×4 trước khi đưa vào.")
    if not _looks_like_image(data):
        raise ValidationError("photo", "Tệp này không phải ảnh JPEG hoặc PNG.")


def set_photo(member_id: int, data: bytes | None) -> None:
    """Put in, replace (delete + insert) or take out the member's photo."""
    with database.atomic():
        _check_scope(get_member(member_id))
        if data is not None:
            check_photo(data)
        photo = MemberPhoto.get_or_none(MemberPhoto.member == member_id)
        if photo is None and data is not None:
            log_insert(MemberPhoto.create(member=member_id, data=data))
        elif photo is not None and data is None:
            log_delete(photo)
            photo.delete_instance()
        elif photo is not None:
            before = values_of(photo)
            photo.data = data
            photo.save()
            log_update(photo, before)


def get_photo(member_id: int) -> bytes | None:
    row = MemberPhoto.get_or_none(MemberPhoto.member == member_id)
    return bytes(row.data) if row else None
