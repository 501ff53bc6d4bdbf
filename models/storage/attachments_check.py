"""Attached files against the hashes their audited records keep: a meeting's files (in the folder
beside a file, or in the database) and the reports attached to grassroots returns. Their bytes
are not in the trail, so `check` read only the records and passed a scan replaced on disk or a
report's content rewritten in the database."""

import hashlib

from models.core.db import database
from models.meetings.folder import attached_bytes
from models.meetings.tables import MeetingFile
from models.returns.tables import GrassrootsReturn, ReturnReportContent

SHOWN = 10  # records named per finding before a count


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _named(ids: list[int]) -> str:
    more = f" và {len(ids) - SHOWN} bản ghi khác" if len(ids) > SHOWN else ""
    return ", ".join(str(i) for i in ids[:SHOWN]) + more


def attachment_findings() -> tuple[list[str], list[str]]:
    """(problems, notes): a copy whose content differs from its record is a problem; a meeting's
    file with no copy at all is a note (a file copied without the folder beside it)."""
    tables = set(database.get_tables())  # a file of an older schema may lack them
    problems, notes = [], []
    changed, missing = [], []
    for file_id, stored_name, sha256 in (_meeting_files() if MeetingFile._meta.table_name in tables else []):
        content = attached_bytes(stored_name)
        if content is None:
            missing.append(file_id)
        elif _digest(content) != sha256:
            changed.append(file_id)
    if changed:
        problems.append("Tệp đính kèm: nội dung khác với khi đính kèm (đã bị thay ngoài phần mềm) — mã "
                        f"{_named(changed)}.")
    if missing:
        notes.append(f"{len(missing)} tệp đính kèm không còn bản chép (mã {_named(missing)}): tệp dữ liệu "
                     "được chép đi mà không kèm thư mục tệp đính kèm bên cạnh, hoặc tệp đã bị xóa ngoài "
                     "phần mềm.")
    if {GrassrootsReturn._meta.table_name, ReturnReportContent._meta.table_name} <= tables:
        problems += _report_problems()
    return problems, notes


def _meeting_files():
    return (MeetingFile.select(MeetingFile.id, MeetingFile.stored_name, MeetingFile.sha256)
            .order_by(MeetingFile.id).tuples())


def _report_problems() -> list[str]:
    whole = {sha256: _digest(bytes(content)) == sha256 for sha256, content in
             ReturnReportContent.select(ReturnReportContent.sha256, ReturnReportContent.content)
             .tuples().iterator()}
    changed, gone = [], []
    for return_id, sha256 in (GrassrootsReturn.select(GrassrootsReturn.id, GrassrootsReturn.report_sha256)
                              .where(GrassrootsReturn.report_sha256 != "")
                              .order_by(GrassrootsReturn.id).tuples()):
        if sha256 not in whole:
            gone.append(return_id)
        elif not whole[sha256]:
            changed.append(return_id)
    said = []
    if changed:
        said.append("Báo cáo của tổ chức cơ sở: báo cáo kèm theo khác với khi nhận (đã bị thay ngoài phần "
                    f"mềm) — mã {_named(changed)}.")
    if gone:
        said.append("Báo cáo của tổ chức cơ sở: báo cáo kèm theo không còn trong dữ liệu (đã bị xóa ngoài "
                    f"phần mềm) — mã {_named(gone)}.")
    return said
