"""Bringing returns back: one workbook, a folder or a .zip of them, with the report each
organisation attached (a PDF or DOCX of the same name). `plan_intake` reads and compares
everything and writes nothing — the dry run; `apply_intake` writes what the plan found
readable, all in one transaction.

A .zip is read from its directory first: too many parts, or parts that would unpack larger
than a return can be, are refused before a byte is unpacked, and each part is unpacked with a
cap on what is read, whatever its header claims (a zip bomb lies in its header)."""

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from models.accounts import session
from models.accounts.audit import log_insert, save_changes
from models.core import clock
from models.core.dates import check_plausible, fmt_date
from models.core.db import database
from models.core.errors import ValidationError, os_reason
from models.core.files import opened_copies
from models.core.workbook import MAX_FILE_BYTES
from models.returns import vocab as r
from models.returns.known import Difference, differences, known_figures
from models.returns.requests import form_of, get_request, working_days_between
from models.returns.tables import GrassrootsReturn, ReturnReportContent
from models.returns.workbooks import ReturnFile, read_return_workbook

NO_WORKBOOK = "không có mẫu báo cáo nào (tệp .xlsx hoặc .ods)"
REPORT_SUFFIXES = (".pdf", ".docx")
# A return as the organisation saved it: .ods is LibreOffice Calc's own format, and an old .xls
# is read far enough to say how to send it again.
WORKBOOK_SUFFIXES = (".xlsx", ".ods", ".xls")
LOCK_FILES = ("~$", ".~lock")  # what Excel and LibreOffice leave beside a file they hold open
# What Windows and a Mac leave in a folder or a .zip unasked: thumbnails, folder settings, and the
# "._name.xlsx" resource forks a Mac puts beside each file (under __MACOSX/ in a .zip).
SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "ehthumbs.db"})
MAX_REPORT_BYTES = 30 * 1024 * 1024
MAX_ZIP_PARTS = 1_000
MAX_ZIP_UNPACKED = 1024 * 1024 * 1024
MAX_REPORTS_BYTES = 400 * 1024 * 1024  # the attached reports of one batch, held until written


@dataclass
class IntakeLine:
    """One workbook of the batch, as the plan found it."""

    name: str
    refused: str = ""  # why the whole file is refused
    found: ReturnFile | None = None
    late_days: int = 0  # working days after the deadline
    differences: list[Difference] = field(default_factory=list)
    report: Path | None = None
    report_bytes: bytes = b""  # read with the plan, so a .zip's unpacked folder may go
    report_problem: str = ""
    replaces: str = ""  # the state of a return this one replaces

    @property
    def readable(self) -> bool:
        return not self.refused and self.found is not None and not self.found.problems


@dataclass
class IntakePlan:
    received_on: date
    lines: list[IntakeLine] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # files that are neither workbook nor report

    @property
    def readable(self) -> list[IntakeLine]:
        return [line for line in self.lines if line.readable]


def _unzip(archive: Path, into: Path) -> list[Path]:
    try:
        with zipfile.ZipFile(archive) as package:
            parts = [part for part in package.infolist() if not part.is_dir()]
            if len(parts) > MAX_ZIP_PARTS:
                raise ValidationError("file", f"Tệp {archive.name} chứa hơn {MAX_ZIP_PARTS} tệp; hãy chia "
                                              "nhỏ.")
            if sum(part.file_size for part in parts) > MAX_ZIP_UNPACKED:
                raise ValidationError("file", f"Tệp {archive.name} khi giải nén lớn bất thường; chương trình "
                                              "không đọc tệp này.")
            unpacked = []
            for part in parts:
                name = Path(part.filename.replace("\\", "/")).name  # never a path out of the folder
                suffix = Path(name).suffix.lower()
                if suffix not in (*WORKBOOK_SUFFIXES, *REPORT_SUFFIXES) or _unasked(name) \
                        or part.filename.startswith("__MACOSX/"):
                    continue
                cap = MAX_FILE_BYTES if suffix in WORKBOOK_SUFFIXES else MAX_REPORT_BYTES
                if part.file_size > cap:
                    raise ValidationError("file", f"{archive.name}: tệp {name} lớn bất thường; không đọc.")
                target = into / f"{len(unpacked):04d}" / name
                target.parent.mkdir()
                with package.open(part) as source, target.open("wb") as sink:
                    data = source.read(cap + 1)
                    if len(data) > cap:
                        raise ValidationError("file", f"{archive.name}: tệp {name} giải nén lớn hơn "
                                                      "khai báo; chương trình không đọc tệp này.")
                    sink.write(data)
                unpacked.append(target)
            return unpacked
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError) as error:
        raise ValidationError("file", f"Tệp {archive.name} bị hỏng hoặc không phải tệp .zip đọc "
                                      "được.") from error
    except OSError as error:
        raise ValidationError("file", f"Không đọc được tệp {archive.name}: {os_reason(error)}.") from None


def _unasked(name: str) -> bool:
    """A file no organisation sent: an editor's lock, a hidden file, the system's clutter."""
    return name.startswith(LOCK_FILES) or name.startswith(".") or name.lower() in SYSTEM_FILES


@contextmanager
def gathered(source: Path) -> Iterator[list[Path]]:
    """The files of a workbook, a folder (not its subfolders) or a .zip, on disk while in use."""
    source = Path(source)
    if source.is_dir():
        yield sorted(path for path in source.iterdir() if path.is_file())
    elif source.suffix.lower() == ".zip" and source.is_file():
        with tempfile.TemporaryDirectory(prefix="dangvu-bao-cao-") as folder:
            yield _unzip(source, Path(folder))
    elif source.is_file():
        yield [source]
    else:
        raise ValidationError("file", f"Không có tệp hay thư mục {source}.")


def _report_for(workbook: Path, files: list[Path]) -> Path | None:
    for path in files:
        if path.stem == workbook.stem and path.suffix.lower() in REPORT_SUFFIXES:
            return path
    return None


def check_report(path: Path) -> None:
    """A PDF or a Word document, of a sensible size, that is what its name says."""
    size = path.stat().st_size
    if size == 0 or size > MAX_REPORT_BYTES:
        raise ValidationError("report", f"Báo cáo đính kèm {path.name} trống hoặc lớn hơn "
                                        f"{MAX_REPORT_BYTES // (1024 * 1024)} MB.")
    with path.open("rb") as handle:
        magic = handle.read(5)
    if path.suffix.lower() == ".pdf" and magic != b"%PDF-":
        raise ValidationError("report", f"Báo cáo đính kèm {path.name} không phải tệp PDF.")
    if path.suffix.lower() == ".docx":
        try:
            with zipfile.ZipFile(path) as package:
                is_word = "word/document.xml" in package.namelist()
        except zipfile.BadZipFile:
            is_word = False
        if not is_word:
            raise ValidationError("report", f"Báo cáo đính kèm {path.name} không phải tệp Word (.docx).")


def plan_intake(files: list[Path], request_id: int | None = None, received_on: date | None = None,
                report: Path | None = None) -> IntakePlan:
    """Everything read and compared, nothing written. `report` attaches a file to a single
    workbook brought alone."""
    session.require(session.WRITE_RECORDS)
    received_on = received_on or clock.today()
    check_plausible(received_on, "received_on", "Ngày nhận")
    plan = IntakePlan(received_on)
    files = [path for path in files if not _unasked(path.name)]
    workbooks = [path for path in files if path.suffix.lower() in WORKBOOK_SUFFIXES]
    stems = {path.stem for path in workbooks}
    plan.ignored = [path.name for path in files if path not in workbooks
                    and not (path.suffix.lower() in REPORT_SUFFIXES and path.stem in stems)]
    known_by_request: dict[int, dict] = {}
    held = 0
    seen: dict[tuple[int, int], str] = {}
    for path in workbooks:
        line = IntakeLine(path.name)
        plan.lines.append(line)
        try:
            found = read_return_workbook(path, request_id)
        except ValidationError as error:  # the line names its file once: "X.xlsx: không nhận — X.xlsx: …"
            line.refused = error.message.removeprefix(f"{path.name}: ")
            continue
        line.found = found
        request = get_request(found.request_id)
        if received_on < request.issued_on:
            line.refused = (f"ngày nhận {fmt_date(received_on)} ở trước ngày gửi yêu cầu "
                            f"({fmt_date(request.issued_on)}).")
            continue
        pair = (found.request_id, found.org_id)
        if pair in seen:
            line.refused = f"trùng với tệp {seen[pair]} (cùng tổ chức, cùng yêu cầu)."
            continue
        seen[pair] = path.name
        earlier = GrassrootsReturn.get_or_none((GrassrootsReturn.request == found.request_id)
                                               & (GrassrootsReturn.org == found.org_id))
        if earlier is not None and earlier.state == r.ACCEPTED:
            line.refused = (f"báo cáo của {found.org_name} đã được chấp nhận ngày "
                            f"{fmt_date(earlier.received_on)}; muốn thay, hãy trả lại báo cáo cũ trước.")
            continue
        line.replaces = r.STATES[earlier.state] if earlier is not None else ""
        if request.id not in known_by_request:
            end = min(request.period_end, received_on)
            known_by_request[request.id] = known_figures(request.period_start, end) \
                if end >= request.period_start else {}
        labels = {item.key: item.label for item in form_of(request)}
        known = known_by_request[request.id].get(found.org_id, {})
        line.differences = differences(found.figures, known, labels)
        line.late_days = working_days_between(request.due_on, received_on)
        attached = report if report is not None and len(workbooks) == 1 else _report_for(path, files)
        if attached is not None:
            try:
                check_report(attached)
                content = attached.read_bytes()
                if held + len(content) > MAX_REPORTS_BYTES:
                    raise ValidationError("report", "các báo cáo đính kèm của đợt này quá lớn; hãy nhận "
                                                    "thành nhiều đợt.")
                held += len(content)
                line.report, line.report_bytes = attached, content
            except (ValidationError, OSError) as error:
                line.report_problem = getattr(error, "message", None) or os_reason(error)
    return plan


def _store_report(path: Path, content: bytes) -> tuple[str, int, str]:
    digest = hashlib.sha256(content).hexdigest()
    if not ReturnReportContent.select().where(ReturnReportContent.sha256 == digest).exists():
        ReturnReportContent.create(sha256=digest, content=content)
    return path.name, len(content), digest


def apply_intake(plan: IntakePlan) -> int:
    """Write the readable returns of the plan, each as received and awaiting the clerk's
    decision; all or none. Returns how many were written."""
    session.require(session.WRITE_RECORDS)
    written = 0
    with database.atomic():
        for line in plan.readable:
            found = line.found
            figures = json.dumps(found.figures, ensure_ascii=False, sort_keys=True)
            values = {"received_on": plan.received_on, "figures": figures,
                      "state": r.RECEIVED, "decision_note": "", "source_name": line.name}
            if line.report is not None:
                name, size, digest = _store_report(line.report, line.report_bytes)
                values.update(report_name=name, report_size=size, report_sha256=digest)
            row = GrassrootsReturn.get_or_none((GrassrootsReturn.request == found.request_id)
                                               & (GrassrootsReturn.org == found.org_id))
            if row is None:
                row = GrassrootsReturn.create(request=found.request_id, org=found.org_id, **values)
                log_insert(row)
            else:
                save_changes(row, values, touch=True)
            written += 1
    return written


def report_copy(return_id: int, folder: Path | None = None) -> Path:
    """The attached report written out to open (to a folder of its own under the system's
    temporary folder unless told), checked against the hash its return records."""
    row = GrassrootsReturn.get_or_none(GrassrootsReturn.id == return_id)
    if row is None or not row.report_sha256:
        raise ValidationError("report", "Báo cáo này không có tệp đính kèm.")
    stored = ReturnReportContent.get_or_none(ReturnReportContent.sha256 == row.report_sha256)
    content = bytes(stored.content) if stored is not None else b""
    if hashlib.sha256(content).hexdigest() != row.report_sha256:
        raise ValidationError("report", f"Tệp “{row.report_name}” đã mất hoặc bị thay đổi ngoài phần mềm.")
    folder = opened_copies("bao-cao-gui-ve", str(row.id)) if folder is None else folder
    target = Path(folder) / Path(row.report_name).name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target
