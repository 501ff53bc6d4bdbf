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
    "inspection_chair": "Chủ nhiệm Ủy ban Kiểm tra",
}
REQUIRED = ("bloc_name", "superior_body", "code", "place")
FORMAT_RULE = "HD 36-HD/VPTW"


@dataclass(frozen=True)
class FormatWarning:
    """A detail that would print a header or signature off the Party's form (DOMAIN §8), with
    the wording that fits the form when one can be told."""

    message: str
    suggestion: str = ""


@dataclass(frozen=True)
class OfficeDetails:
    bloc_name: str = ""
    superior_body: str = ""
    code: str = ""
    place: str = ""
    signer_name: str = ""
    signer_title: str = ""
    inspection_chair: str = ""

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
    if any(mark in values["code"] for mark in "-/"):
        raise ValidationError("code", "Ký hiệu không gồm dấu “-” hay “/”: số văn bản tự thêm, "
                                      "ví dụ Số 01-BC/ĐUK.")
    with database.atomic():
        for key, value in values.items():
            save_setting(key, value)
    return office_details()


def save_setting(key: str, value: str) -> None:
    """Write one office setting, in the trail, in the caller's transaction; nothing if unchanged."""
    row = OfficeSetting.get_or_none(OfficeSetting.key == key)
    if row is None:
        log_insert(OfficeSetting.create(key=key, value=value))
    elif row.value != value:
        before = values_of(row)
        row.value = value
        row.save()
        log_update(row, before)


def _lowered(text: str) -> str:
    # "uỷ" and "ủy" are the same word typed two ways.
    return " ".join(clean(text).lower().replace("uỷ", "ủy").split())


def _after(text: str, words: int) -> str:
    return " ".join(clean(text).split()[words:])


def _in_case_of(typed: str, suggestion: str) -> str:
    """Typed in capitals, suggested in capitals."""
    return suggestion.upper() if clean(typed).isupper() else suggestion


def _superior_warning(text: str) -> FormatWarning | None:
    lowered = _lowered(text)
    if not lowered or lowered.startswith("đảng bộ "):
        return None
    for committee, body in (("tỉnh ủy ", "Đảng bộ tỉnh"), ("thành ủy ", "Đảng bộ thành phố")):
        if lowered.startswith(committee):
            suggestion = _in_case_of(text, f"{body} {_after(text, 2)}")
            return FormatWarning(f"Dòng trên ghi tên đảng bộ cấp trên (“{suggestion.upper()}”), không ghi "
                                 f"tên cấp ủy (“{clean(text).upper()}”) — {FORMAT_RULE}.", suggestion)
    return FormatWarning("Dòng trên ghi tên đảng bộ cấp trên, ví dụ “Đảng bộ tỉnh Quảng Ninh” — "
                         f"{FORMAT_RULE}.")


def _issuing_warning(text: str) -> FormatWarning | None:
    lowered = _lowered(text)
    if not lowered or lowered.startswith("đảng ủy "):
        return None
    if lowered.startswith("đảng bộ "):
        suggestion = _in_case_of(text, f"Đảng ủy {_after(text, 2)}")
        return FormatWarning(f"Cơ quan ban hành là cấp ủy (“{suggestion.upper()}”), không phải đảng bộ — "
                             f"{FORMAT_RULE}.", suggestion)
    return FormatWarning("Tên cơ quan ban hành bắt đầu bằng “Đảng ủy”, ví dụ “Đảng ủy Khối các cơ quan "
                         f"tỉnh” — {FORMAT_RULE}.")


def _signer_warnings(details: OfficeDetails) -> dict[str, FormatWarning]:
    warnings = {}
    title = _lowered(details.signer_title)
    if "k/t" in title:
        suggestion = " ".join(word for word in clean(details.signer_title).split() if word.lower() != "k/t")
        warnings["signer_title"] = FormatWarning("Cấp ủy ký thay mặt (T/M), không ký thay (K/T): chức vụ ghi "
                                                 "“Bí thư” hoặc “Phó Bí thư”.", suggestion)
    elif title and title not in ("bí thư", "phó bí thư"):
        warnings["signer_title"] = FormatWarning("Báo cáo “T/M Ban Thường vụ” do Bí thư hoặc Phó Bí thư ký.")
    if not clean(details.signer_name):
        warnings["signer_name"] = FormatWarning("Chưa có tên người ký: văn bản in dòng tên để trống.")
    return warnings


def office_warnings(details: OfficeDetails) -> dict[str, FormatWarning]:
    """Field -> what would print off the Party's form; nothing stops a save, the clerk decides."""
    warnings = {"superior_body": _superior_warning(details.superior_body),
                "bloc_name": _issuing_warning(details.bloc_name)}
    code = clean(details.code)
    if code and code != code.upper():
        warnings["code"] = FormatWarning("Ký hiệu viết hoa, ví dụ ĐUK.", code.upper())
    warnings.update(_signer_warnings(details))
    return {key: warning for key, warning in warnings.items() if warning is not None}
