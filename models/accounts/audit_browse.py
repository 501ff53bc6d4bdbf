"""Reading the audit trail: filtered pages for the window and a CSV export. Administrators
only; nothing here changes an entry."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from peewee import Case

from models.accounts import session
from models.accounts.audit import ACTIONS
from models.accounts.audit_batches import INSERT_MANY, batch_rows, batches_holding
from models.accounts.office import LABELS as OFFICE_LABELS
from models.accounts.tables import AuditEntry
from models.core.files import write_in_place
from models.core.text import looks_like_formula
from models.core.text_tables import text_table_writer

# Settings the program keeps for itself, named for the change log (reported: "demo_last_entry").
SETTING_LABELS = {"demo_last_entry": "Dấu kết thúc dữ liệu mẫu", "database_id": "Mã nhận diện cơ sở dữ liệu",
                  "returns_form": "Mẫu báo cáo của tổ chức cơ sở"}
TABLE_LABELS = {
    "party_org": "Tổ chức đảng",
    "member": "Đảng viên",
    "member_event": "Biến động đảng viên",
    "member_photo": "Ảnh đảng viên",
    "app_user": "Tài khoản",
    "user_org": "Tổ chức giao cho tài khoản",
    "office_setting": "Thông tin cơ quan",
    "admission_case": "Hồ sơ kết nạp",
    "admission_target": "Chỉ tiêu kết nạp",
    "inspection_case": "Cuộc kiểm tra, giám sát",
    "inspection_subject": "Đối tượng kiểm tra, giám sát",
    "discipline": "Kỷ luật",
    "outgoing_document": "Sổ văn bản đi",
    "report_draft": "Dự thảo báo cáo",
    "document_template": "Mẫu văn bản",
    "main_target": "Chỉ tiêu chủ yếu",
    "residence_contact": "Giới thiệu về nơi cư trú",
    "residence_comment": "Nhận xét của nơi cư trú",
    "social_org": "Tổ chức chính trị - xã hội",
    "movement": "Phong trào, mô hình",
    "movement_entry": "Đăng ký phong trào",
    "movement_item": "Mô hình, công trình",
    "work_item": "Chương trình công tác",
    "member_rating": "Xếp loại đảng viên",
    "org_rating": "Xếp loại tổ chức đảng",
    "rating_totals": "Số liệu xếp loại tổng hợp",
    "award": "Khen thưởng",
    "badge_award": "Huy hiệu Đảng",
    "meeting": "Hội nghị, sinh hoạt",
    "meeting_attendance": "Điểm danh",
    "meeting_resolution": "Nghị quyết, kết luận",
    "meeting_file": "Tệp đính kèm",
    "return_request": "Yêu cầu báo cáo cơ sở",
    "return_addressee": "Tổ chức được yêu cầu báo cáo",
    "grassroots_return": "Báo cáo của tổ chức cơ sở",
    "dues_share": "Tỷ lệ trích giữ lại đảng phí",
    "dues_entry": "Đảng phí của tổ chức cơ sở",
}
# Column names as the clerk knows them, for the detail of an entry.
FIELD_LABELS = {
    "name": "Tên", "code": "Ký hiệu", "level": "Cấp", "parent_id": "Trực thuộc (mã)",
    "agency": "Cơ quan, đơn vị", "org_type": "Loại hình", "founded_on": "Ngày thành lập",
    "dissolved_on": "Ngày giải thể", "note": "Ghi chú", "full_name": "Họ và tên",
    "other_name": "Tên gọi khác", "sex": "Giới tính", "birth_date": "Ngày sinh",
    "ethnicity": "Dân tộc", "religion": "Tôn giáo", "home_town": "Quê quán",
    "residence": "Nơi ở", "identity_number": "Số CCCD", "education": "Giáo dục phổ thông",
    "professional_level": "Chuyên môn", "political_theory": "Lý luận chính trị",
    "occupation": "Nghề nghiệp", "party_posts": "Chức vụ Đảng", "card_number": "Số thẻ",
    "dossier_number": "Số lý lịch", "admission_date": "Ngày kết nạp",
    "ceremony_date": "Ngày vào Đảng", "full_member_date": "Ngày chính thức",
    "org_id": "Tổ chức đảng (mã)", "membership": "Dự bị/chính thức", "status": "Tình trạng",
    "member_id": "Đảng viên (mã)", "kind": "Loại", "date": "Ngày",
    "decision_no": "Số quyết định", "place": "Nơi đi/đến", "position": "Thứ tự",
    "status_after": "Tình trạng sau", "username": "Tên đăng nhập", "role": "Vai trò",
    "password_hash": "Mật khẩu (dấu vân tay)", "failed_attempts": "Số lần nhập sai",
    "locked_until": "Khóa đến", "active": "Được đăng nhập", "user_id": "Tài khoản (mã)",
    "key": "Mục", "value": "Giá trị", "data": "Ảnh", "created_at": "Tạo lúc",
    "updated_at": "Sửa lúc",
    # Search keys the program derives from a name: shown so a changed name's trail is whole.
    "name_folded": "Tên không dấu (để tìm)", "search_folded": "Chuỗi tìm kiếm không dấu",
    "sort_key": "Khóa sắp xếp",
    # Member events: the state before and after, kept for the movement table.
    "org_before_id": "Chi bộ trước (mã)", "org_after_id": "Chi bộ sau (mã)",
    "membership_before": "Dự bị/chính thức trước", "membership_after": "Dự bị/chính thức sau",
    "counted_before": "Tính đảng số trước", "counted_after": "Tính đảng số sau",
    "badge_number": "Số huy hiệu", "youth_union": "Là đoàn viên khi vào Đảng",
    # Admissions.
    "state": "Trạng thái", "case_id": "Hồ sơ (mã)", "course_from": "Học lớp nhận thức từ",
    "course_to": "Học lớp nhận thức đến", "certificate_no": "Số giấy chứng nhận",
    "certificate_date": "Ngày cấp giấy chứng nhận", "introducer1_id": "Người giới thiệu 1 (mã)",
    "introducer1_since": "Người giới thiệu 1 là đảng viên chính thức từ",
    "introducer2_id": "Người giới thiệu 2 (mã)",
    "introducer2_since": "Người giới thiệu 2 là đảng viên chính thức từ",
    "history_verified_on": "Ngày thẩm tra lý lịch", "cell_resolution_no": "Số nghị quyết chi bộ",
    "cell_resolution_date": "Ngày nghị quyết chi bộ", "base_resolution_no": "Số nghị quyết đảng ủy cơ sở",
    "base_resolution_date": "Ngày nghị quyết đảng ủy cơ sở", "decision_body": "Cấp ra quyết định",
    "decision_date": "Ngày quyết định", "review_date": "Ngày kiểm điểm dự bị",
    "full_decision_no": "Số quyết định công nhận chính thức",
    "full_decision_date": "Ngày quyết định công nhận chính thức", "ended_on": "Ngày kết thúc",
    "end_reason": "Lý do kết thúc", "year": "Năm", "planned": "Chỉ tiêu",
    # Inspections and discipline.
    "performer": "Chủ thể tiến hành", "performer_org_id": "Tổ chức tiến hành (mã)",
    "start_date": "Ngày bắt đầu", "end_date": "Ngày kết thúc", "plan_year": "Năm kế hoạch",
    "plan_month": "Tháng kế hoạch", "team": "Đoàn kiểm tra", "conclusion": "Kết luận",
    "recommendations": "Kiến nghị", "follow_up_done": "Đã thực hiện kiến nghị",
    "subject_type": "Loại đối tượng", "form": "Hình thức", "deciding_body": "Cấp quyết định",
    "effective_date": "Ngày có hiệu lực",
    # Documents and reports.
    "type_code": "Loại văn bản", "number": "Số", "issued_on": "Ngày ban hành", "issuer": "Cơ quan ban hành",
    "source": "In từ hồ sơ / nguồn số liệu", "file_path": "Tệp đã ghi", "version": "Lần sửa",
    "residence_org": "Đảng bộ nơi cư trú", "residence_cell": "Chi bộ nơi cư trú",
    "introduced_on": "Ngày giới thiệu", "exemption": "Trường hợp miễn", "received_on": "Ngày nhận",
    # The reporting system.
    "period": "Kỳ (tháng, quý)", "period_start": "Đầu kỳ", "period_end": "Cuối kỳ", "due_on": "Hạn gửi",
    "request_id": "Yêu cầu (mã)", "figures": "Số liệu báo cáo", "decision_note": "Ghi chú khi xem xét",
    "source_name": "Tệp đã nhận", "report_name": "Báo cáo đính kèm", "report_size": "Cỡ tệp đính kèm",
    "report_sha256": "Dấu vân tay tệp đính kèm",
    # The dues books.
    "valid_from": "Áp dụng từ ngày", "kept_percent": "Tổ chức cơ sở trích giữ lại (%)",
    "bloc_kept_percent": "Đảng ủy Khối trích giữ lại (%)", "rates": "Mức đóng đảng phí", "quarter": "Quý",
    "collected": "Đảng phí thu được", "remitted": "Đảng phí đã nộp", "remitted_on": "Ngày nộp",
    "item_noun": "Cái được đếm", "item_unit": "Đơn vị đếm", "count_before": "Số đã có trước",
    "movement_id": "Phong trào (mã)", "social_org_id": "Tổ chức chính trị - xã hội (mã)",
    "registered_on": "Ngày đăng ký", "completed_on": "Ngày hoàn thành",
    "month": "Tháng", "content": "Nội dung", "in_charge": "Chủ trì",
    "carried_out_by": "Văn bản thực hiện", "done_on": "Ngày thực hiện",
    "wording": "Nội dung chỉ tiêu", "short_name": "Tên ngắn", "measure": "Đo bằng", "comparator": "Cách so",
    "threshold": "Mức chỉ tiêu", "threshold_high": "Mức trên", "result": "Kết quả nhập tay",
    "grounds": "Căn cứ", "articles": "Các điều", "recipients": "Nơi nhận",
    "title": "Trích yếu, tiêu đề", "sections": "Các phần của dự thảo", "body": "Nội dung, cơ quan",
    # Ratings.
    "rated": "Được đánh giá", "excellent": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ", "adequate": "Hoàn thành nhiệm vụ",
    "failed": "Không hoàn thành nhiệm vụ", "not_rated": "Không đánh giá",
    "not_rated_reason": "Lý do không đánh giá", "total_members": "Tổng số đảng viên",
    "exempt": "Miễn sinh hoạt", "long_sick_leave": "Nghỉ ốm dài ngày", "early": "Sớm",
    "score": "Mức xếp loại", "year_from": "Từ năm", "year_to": "Đến năm",
    # Awards and badges.
    "campaign": "Đợt", "occasion": "Dịp trao", "milestone": "Mốc tuổi Đảng",
    "listed_on": "Ngày lập danh sách",
    "posthumous": "Truy tặng", "recipient_kind": "Loại người nhận", "recipient_name": "Người, tập thể nhận",
    "presenters": "Người trao",
    # Meetings.
    "meeting_id": "Cuộc họp (mã)", "time": "Giờ", "agenda": "Chương trình", "chairs": "Chủ trì",
    "secretary": "Thư ký", "guests": "Khách mời", "standing_visitors": "Đại biểu cấp trên dự",
    "minutes": "Biên bản", "present": "Có mặt", "absence_reason": "Lý do vắng",
    "text": "Nội dung", "votes_total": "Số biểu quyết", "votes_for": "Tán thành",
    "votes_against": "Không tán thành", "abstentions": "Không biểu quyết",
    "original_name": "Tên tệp gốc", "stored_name": "Tên tệp lưu", "size": "Cỡ tệp",
    "body_size": "Cỡ nội dung", "sha256": "Dấu kiểm SHA-256", "added_at": "Thêm lúc",
}
# A column whose meaning depends on its table: "kind" of an event is not that of a meeting
# (reported: a resolution's kind read "Loại biến động").
TABLE_FIELD_LABELS = {
    ("member_event", "kind"): "Loại biến động", ("meeting", "kind"): "Loại hội nghị, sinh hoạt",
    ("meeting_resolution", "kind"): "Nghị quyết hay kết luận", ("inspection_case", "kind"): "Loại cuộc",
    ("movement", "kind"): "Loại phong trào", ("movement_item", "kind"): "Mô hình hay công trình",
    ("return_request", "kind"): "Loại báo cáo", ("work_item", "kind"): "Loại nội dung",
    ("report_draft", "kind"): "Loại báo cáo", ("document_template", "kind"): "Loại văn bản",
    ("member_event", "org_id"): "Chi bộ (mã)", ("member", "org_id"): "Chi bộ (mã)",
}


def field_label(table: str, column: str) -> str:
    """A column's name as the clerk knows it, in the table it belongs to."""
    return TABLE_FIELD_LABELS.get((table, column)) or FIELD_LABELS.get(column, column)

PAGE_LIMIT = 5000
EXPORT_STEP = 5000  # rows between two progress reports of the CSV export


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    table_name: str | None = None
    record_id: str | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    table_name: str
    record_id: str
    old_values: str | None
    new_values: str | None

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)

    @property
    def user_label(self) -> str:
        """Who, as a clerk reads it: the local administrator of a file without accounts by name,
        not by the program's own key for it (reported: "may-tai-cho")."""
        return user_label(self.username)

    @property
    def table_label(self) -> str:
        return TABLE_LABELS.get(self.table_name, self.table_name)

    @property
    def record_label(self) -> str:
        """The record's id; an office detail is keyed by its name, said as the form says it."""
        if self.action == INSERT_MANY:  # "1..1000", as a range is written
            return self.record_id.replace("..", "–")
        if self.table_name == "office_setting":
            return SETTING_LABELS.get(self.record_id) or OFFICE_LABELS.get(self.record_id, self.record_id)
        return self.record_id


def _query(flt: AuditFilter, whole: bool = True):
    """`whole`: with a batch's rows; without, the page's list does not load a thousand rows
    per batch entry (the detail pane reads them: batch_entry_rows)."""
    session.require(session.VIEW_AUDIT)
    new_values = AuditEntry.new_values if whole else \
        Case(None, [(AuditEntry.action == INSERT_MANY, None)], AuditEntry.new_values)
    query = AuditEntry.select(
        AuditEntry.id, AuditEntry.at, AuditEntry.username, AuditEntry.action,
        AuditEntry.table_name, AuditEntry.record_id, AuditEntry.old_values, new_values,
    )
    if flt.username:
        query = query.where(AuditEntry.username == flt.username)
    if flt.table_name:
        query = query.where(AuditEntry.table_name == flt.table_name)
    if flt.record_id:
        wanted = flt.record_id.strip()
        batches = [held.entry_id for held in batches_holding(flt.table_name, [wanted])]
        query = query.where((AuditEntry.record_id == wanted) | AuditEntry.id.in_(batches))
    if flt.start:
        query = query.where(AuditEntry.at >= datetime.combine(flt.start, time.min))
    if flt.end:
        query = query.where(AuditEntry.at <= datetime.combine(flt.end, time.max))
    return query.order_by(AuditEntry.id.desc())


def audit_rows(flt: AuditFilter, limit: int = PAGE_LIMIT) -> list[AuditRow]:
    """Newest first, at most `limit` entries."""
    return [AuditRow(*row) for row in _query(flt, whole=False).limit(limit).tuples()]


def batch_entry_rows(entry_id: int, record_id: str | None = None) -> list[tuple[str, dict]] | None:
    """The rows a batch entry inserted (only `record_id`'s when given); None when its text is
    not what the program writes."""
    session.require(session.VIEW_AUDIT)
    text = AuditEntry.select(AuditEntry.new_values).where(AuditEntry.id == entry_id).scalar()
    rows = batch_rows(text)
    if rows is None or not record_id:
        return rows
    return [(record, values) for record, values in rows if record == record_id.strip()]


def user_label(username: str) -> str:
    local = session.LOCAL_ADMIN
    return local.full_name if username == local.username else username


def audit_usernames() -> list[str]:
    session.require(session.VIEW_AUDIT)
    query = AuditEntry.select(AuditEntry.username).distinct().order_by(AuditEntry.username)
    return [row[0] for row in query.tuples()]


_ROW_TEXT = json.JSONEncoder(ensure_ascii=False, sort_keys=True)  # as a one-row entry writes it


def _defused(value):
    """A cell Excel would run as a formula gets a leading apostrophe (OWASP's advice for CSV)."""
    return f"'{value}" if looks_like_formula(value) else value


def _lines(entry: AuditRow, record_id: str | None) -> list[tuple[str, str, str]]:
    """(record, old values, new values): one line per row of a batch, which Excel could not
    hold in one cell (32,767 characters), and only the record asked for."""
    if entry.action != INSERT_MANY:
        return [(entry.record_label, entry.old_values or "", entry.new_values or "")]
    rows = batch_rows(entry.new_values)
    if rows is None:
        return [(entry.record_label, "", entry.new_values or "")]
    wanted = (record_id or "").strip()
    return [(record, "", _ROW_TEXT.encode(values)) for record, values in rows
            if not wanted or record == wanted]


def export_audit_csv(flt: AuditFilter, path: Path,
                     step: Callable[[int, int], None] | None = None) -> int:
    """Write every matching entry (no limit) to a text table Excel opens (models/core/text_tables);
    returns the count. A large bloc's trail holds a million entries: `step(done, total)` is called every
    EXPORT_STEP rows and may raise to stop — the old file then stays as it was."""
    total = _query(flt).count() if step else 0

    def write(partial: Path) -> int:
        count = 0
        with text_table_writer(partial) as writer:
            writer.writerow(["Số", "Thời điểm", "Người dùng", "Thao tác", "Loại hồ sơ", "Mã hồ sơ",
                             "Giá trị cũ", "Giá trị mới"])
            for row in _query(flt).tuples().iterator():
                entry = AuditRow(*row)
                at = entry.at if isinstance(entry.at, str) else entry.at.strftime("%d/%m/%Y %H:%M:%S")
                front = [entry.id, at, entry.user_label, entry.action_label, entry.table_label]
                for record, old, new in _lines(entry, flt.record_id):
                    writer.writerow([_defused(cell) for cell in (*front, record, old, new)])
                count += 1
                if step and count % EXPORT_STEP == 0:
                    step(count, total)
        return count

    return write_in_place(path, write)
