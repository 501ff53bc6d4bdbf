"""The office's own details, used in document headers and numbers (issue of the reports):
the bloc's name, its superior body, its short code, the place name for dates, the signer."""

from dataclasses import asdict, dataclass

from models.accounts import session
from models.accounts.audit import log_insert, log_update, values_of
from models.accounts.tables import OfficeSetting
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean

LABELS = {
    "bloc_name": "Tên Đảng bộ (cơ quan ban hành)",
    "superior_body": "Cơ quan cấp trên",
    "code": "Ký hiệu trên số văn bản",
    "place": "Địa danh ghi ngày tháng",
    "signer_name": "Người ký",
    "signer_title": "Chức vụ người ký",
}
REQUIRED = ("bloc_name", "superior_body", "code", "place")


@dataclass(frozen=True)
class OfficeDetails:
    bloc_name: str = ""
    superior_body: str = ""
    code: str = ""
    place: str = ""
    signer_name: str = ""
    signer_title: str = ""

    @property
    def complete(self) -> bool:
        return all(getattr(self, key) for key in REQUIRED)


def office_details() -> OfficeDetails:
    stored = {row.key: row.value for row in OfficeSetting.select()}
    return OfficeDetails(**{key: stored.get(key, "") for key in LABELS})


def save_office_details(details: OfficeDetails) -> OfficeDetails:
    """Only an administrator, or whoever sets up a new database before any account exists."""
    session.require(session.CHANGE_SETTINGS)
    values = {key: clean(value) for key, value in asdict(details).items()}
    for key in REQUIRED:
        if not values[key]:
            raise ValidationError(key, f"Nhập {LABELS[key].lower()}.")
        if len(values[key]) > 200:
            raise ValidationError(key, f"{LABELS[key]} dài quá 200 ký tự.")
    if " " in values["code"]:
        raise ValidationError("code", "Ký hiệu viết liền, ví dụ ĐUK.")
    with database.atomic():
        for key, value in values.items():
            row = OfficeSetting.get_or_none(OfficeSetting.key == key)
            if row is None:
                log_insert(OfficeSetting.create(key=key, value=value))
            elif row.value != value:
                before = values_of(row)
                row.value = value
                row.save()
                log_update(row, before)
    return office_details()
