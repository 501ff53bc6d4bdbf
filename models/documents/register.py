"""The register of outgoing documents (DOMAIN §8): numbers run from 01 for each document
type within a congress term — never reset yearly, never reused — and the saved report drafts."""

import json
import re
from datetime import date

from models.accounts import session
from models.accounts.audit import log_insert, log_update, values_of
from models.accounts.tables import OfficeSetting
from models.core import clock
from models.core.codes import Codes
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import Forbidden, ValidationError
from models.core.text import clean
from models.documents.tables import OutgoingDocument, ReportDraft

TYPE_CODES = Codes({"NQ": "Nghị quyết", "QĐ": "Quyết định", "KL": "Kết luận", "QC": "Quy chế",
              "TB": "Thông báo", "HD": "Hướng dẫn", "BC": "Báo cáo", "KH": "Kế hoạch",
              "CTr": "Chương trình", "TTr": "Tờ trình", "CV": "Công văn", "BB": "Biên bản", "ĐA": "Đề án",
              "GGT": "Giấy giới thiệu"})
TERM_START_KEY = "term_start"


def term_start() -> date | None:
    """The day after the congress that opened the current term closed; None if not set, in
    which case numbering runs over every document registered."""
    row = OfficeSetting.get_or_none(OfficeSetting.key == TERM_START_KEY)
    return date.fromisoformat(row.value) if row and row.value else None


def set_term_start(day: date) -> None:
    session.require(session.CHANGE_SETTINGS)
    check_plausible(day, "term_start", "Ngày bắt đầu nhiệm kỳ")
    with database.atomic():
        row = OfficeSetting.get_or_none(OfficeSetting.key == TERM_START_KEY)
        if row is None:
            log_insert(OfficeSetting.create(key=TERM_START_KEY, value=day.isoformat()))
        elif row.value != day.isoformat():
            before = values_of(row)
            row.value = day.isoformat()
            row.save()
            log_update(row, before)


def _require_bloc(permission: str) -> None:
    """The bloc's own documents: not for a user limited to some organisations."""
    if session.require(permission).org_ids is not None:
        raise Forbidden("Văn bản của Đảng ủy Khối chỉ do người dùng không bị giới hạn tổ chức "
                        "soạn, ban hành.")


NUMBER_TEXT = re.compile(r"^\s*0*(\d{1,5})\s*-\s*([^\s/-]+)\s*/\s*(\S+)\s*$")


def parse_number(text: str) -> tuple[int, str, str] | None:
    """"15-GGT/ĐUK" → (15, "GGT", "ĐUK"); None for anything else ("2155/QĐ-UBND")."""
    match = NUMBER_TEXT.match(text or "")
    return (int(match.group(1)), match.group(2), match.group(3)) if match else None


def register_document(type_code: str, title: str, issued_on: date, source: str = "",
                      file_path: str = "", issuer: str = "", number: int | None = None) -> OutgoingDocument:
    """Register the document with the next number of its type in the current term — or with
    `number`, the one its record already carries (typed when the act was recorded), refused
    when another document of the term has it. Printed documents go through
    issue.issue_document, which commits the number only once the file is written."""
    _require_bloc(session.ISSUE_DOCUMENTS)
    if type_code not in TYPE_CODES:
        raise ValidationError("type_code", "Loại văn bản không hợp lệ.")
    title = clean(title)
    if not title:
        raise ValidationError("title", "Nhập trích yếu của văn bản.")
    check_plausible(issued_on, "issued_on", "Ngày ban hành")
    with database.atomic():
        start = term_start()
        if start and issued_on < start:
            raise ValidationError("issued_on", "Ngày ban hành ở trước ngày bắt đầu nhiệm kỳ hiện tại.")
        same_type = OutgoingDocument.select().where((OutgoingDocument.type_code == type_code)
                                                    & (OutgoingDocument.issuer == issuer))
        if start:
            same_type = same_type.where(OutgoingDocument.issued_on >= start)
        if number is not None:
            taken = same_type.where(OutgoingDocument.number == number).first()
            if taken is not None:
                raise ValidationError("number", f"Số {number:02d}-{type_code} đã dùng cho “{taken.title}” "
                                                f"ngày {fmt_date(taken.issued_on)}: sửa số đã ghi trên hồ sơ "
                                                "rồi in lại.")
        else:
            number = max((doc.number for doc in same_type), default=0) + 1
        document = OutgoingDocument.create(type_code=type_code, number=number, issued_on=issued_on,
                                           title=title[:200], source=source, file_path=file_path,
                                           issuer=issuer)
        log_insert(document)
        return document


def issued_already(type_code: str, title: str, issued_on: date) -> OutgoingDocument | None:
    """The register's entry for this very document (same type, subject and date), if issued."""
    return (OutgoingDocument.select()
            .where((OutgoingDocument.type_code == type_code) & (OutgoingDocument.title == clean(title)[:200])
                   & (OutgoingDocument.issued_on == issued_on))
            .order_by(OutgoingDocument.number.desc()).first())


def issued_for(type_code: str, source: str) -> OutgoingDocument | None:
    """The document of this type already issued from this record ("su-kien:12"), if any: printed
    again, it keeps its number and date."""
    return (OutgoingDocument.select()
            .where((OutgoingDocument.type_code == type_code) & (OutgoingDocument.source == source))
            .order_by(OutgoingDocument.number.desc()).first())


def documents_from(sources: list[str]) -> list[tuple]:
    """(number, type code, issued on, title, file) of the documents issued from these records,
    for the record's own list."""
    if not sources:
        return []
    return list(OutgoingDocument.select(OutgoingDocument.number, OutgoingDocument.type_code,
                                        OutgoingDocument.issued_on, OutgoingDocument.title,
                                        OutgoingDocument.file_path)
                .where(OutgoingDocument.source.in_(sources)).order_by(OutgoingDocument.id).tuples())


def date_order_warning(type_code: str, issued_on: date, issuer: str = "") -> str | None:
    """A number is taken in order; dated before the last one of its type in the term, the
    register would run backwards in time. Said before the number is taken."""
    start = term_start()
    same_type = OutgoingDocument.select().where((OutgoingDocument.type_code == type_code)
                                                & (OutgoingDocument.issuer == issuer))
    if start:
        same_type = same_type.where(OutgoingDocument.issued_on >= start)
    last = same_type.order_by(OutgoingDocument.number.desc()).first()
    if last is None or issued_on >= last.issued_on:
        return None
    return (f"Ngày ban hành {fmt_date(issued_on)} ở trước văn bản số {last.number:02d}-{type_code} "
            f"ngày {fmt_date(last.issued_on)}: số mới ({last.number + 1:02d}-{type_code}) sẽ mang ngày sớm "
            "hơn số trước nó trong sổ văn bản đi.")


def register_rows() -> list[tuple]:
    """(number, type code, issued on, title, file written) of every document, newest first."""
    return list(OutgoingDocument.select(OutgoingDocument.number, OutgoingDocument.type_code,
                                        OutgoingDocument.issued_on, OutgoingDocument.title,
                                        OutgoingDocument.file_path)
                .order_by(OutgoingDocument.id.desc()).tuples())


def load_draft(kind: str, year: int) -> list[dict] | None:
    row = ReportDraft.get_or_none((ReportDraft.kind == kind) & (ReportDraft.year == year))
    return json.loads(row.sections) if row else None


def save_draft(kind: str, year: int, sections: list[dict]) -> None:
    _require_bloc(session.WRITE_RECORDS)
    text = json.dumps(sections, ensure_ascii=False)
    with database.atomic():
        row = ReportDraft.get_or_none((ReportDraft.kind == kind) & (ReportDraft.year == year))
        if row is None:
            log_insert(ReportDraft.create(kind=kind, year=year, sections=text))
        elif row.sections != text:
            before = values_of(row)
            row.sections, row.updated_at = text, clock.now()
            row.save()
            log_update(row, before)
