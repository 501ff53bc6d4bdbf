"""The member sheet (phiếu đảng viên, the contents of Mẫu 2-HSĐV as far as the record holds
them, a dotted line where it does not — DOMAIN §12) and the short record (trích ngang) of a
list of members, as meetings and proposals use them. Neither takes a number."""

from datetime import date
from pathlib import Path

from models.accounts import office_details
from models.core import vocab as v
from models.core.dates import fmt_date
from models.documents import bloc_facts, member_facts
from models.members import check_dated_after_changes, history, member_fields, readable_member
from models.orgs import full_names
from reports.document import Body, Header, build_document
from reports.letterhead import Signature, office_signature

BLANK = "." * 60
SEXES = {"M": "Nam", "F": "Nữ"}


def _value(value) -> str:
    if isinstance(value, date):
        return fmt_date(value)
    return str(value).strip() if value not in (None, "") else BLANK


def _sections(member_id: int) -> list[tuple[str, list[tuple[str, object]]]]:
    member = readable_member(member_id)
    shown = member_fields(member)  # addresses and identity masked for an account that may not see them
    facts = member_facts(member)
    return [
        ("I. SƠ LƯỢC LÝ LỊCH", [
            ("Họ và tên khai sinh", member.full_name), ("Tên gọi khác", member.other_name),
            ("Giới tính", SEXES.get(member.sex, "")), ("Ngày sinh", member.birth_date),
            ("Dân tộc", member.ethnicity), ("Tôn giáo", member.religion), ("Quê quán", shown["home_town"]),
            ("Nơi ở hiện nay", shown["residence"]), ("Số căn cước công dân", shown["identity_number"]),
        ]),
        ("II. TRÌNH ĐỘ, NGHỀ NGHIỆP", [
            ("Giáo dục phổ thông", member.education), ("Chuyên môn, nghiệp vụ", member.professional_level),
            ("Lý luận chính trị", member.political_theory), ("Ngoại ngữ", ""),
            ("Nghề nghiệp, chức vụ chính quyền", member.occupation),
        ]),
        ("III. VỀ ĐẢNG", [
            # "Ngày vào Đảng" as every paper says it: the ceremony, else the admission decision
            # (reported: "Ngày kết nạp 19/05/2010" beside an empty "Ngày vào Đảng").
            ("Ngày kết nạp", member.admission_date), ("Ngày vào Đảng", facts["ngày vào Đảng"]),
            ("Ngày chính thức", member.full_member_date), ("Số thẻ đảng viên", member.card_number),
            ("Số lý lịch đảng viên", member.dossier_number), ("Chức vụ trong Đảng", member.party_posts),
            ("Sinh hoạt tại", facts["nơi sinh hoạt"]),
            ("Đảng viên", "Chính thức" if member.membership == v.FULL else "Dự bị"),
        ]),
    ]


def render_member_sheet(path: Path, member_id: int, printed_on: date) -> Path:
    office = office_details()
    member = readable_member(member_id)
    check_dated_after_changes([member_id], printed_on, "Phiếu đảng viên")
    facts = member_facts(member)
    header = Header(bloc_facts()["đảng bộ khối"] or "", facts["đảng bộ cơ sở"] or "",
                    f"Số lý lịch: {member.dossier_number or '..........'}", office.place, printed_on,
                    "Phiếu đảng viên", member.full_name)
    body = Body()
    for heading, rows in _sections(member_id):
        body.heading(heading)
        lines = [[label, _value(value)] for label, value in rows]
        body.table(lines, [62, 103], header_rows=0, numeric_from=2)
    body.heading("IV. NHỮNG THAY ĐỔI VỀ ĐẢNG VIÊN")
    changes = [["Ngày", "Nội dung", "Số quyết định, nơi đi/đến"]]
    for row in history(member_id):
        papers = ", ".join(p for p in (row.decision_no, row.place) if p)
        changes.append([fmt_date(row.date), row.kind_label, papers])
    body.table(changes, [28, 72, 65], numeric_from=3, handwriting_rows=3)  # changes written by hand
    return build_document(path, header, body, Signature("XÁC NHẬN CỦA CẤP ỦY", "", ""), [],
                          left_signature=Signature("NGƯỜI KHAI", "(Ký, ghi rõ họ tên)", member.full_name),
                          author="Phiếu đảng viên")


SHORT_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Quê quán", "Vào Đảng, chính thức", "Trình độ CM, LLCT",
                "Chức vụ, chi bộ"]
# On A4 landscape (252 mm of text), measured at 12 pt: a four-word name on one line (49 mm),
# "Tiến sĩ / Trung cấp" on one (37), a home town on two at most, where the portrait page's
# 165 mm cut them into two, three and four. A date needs 24 mm, "STT" in bold 13.
SHORT_WIDTHS = [13, 50, 25, 52, 25, 37, 50]


def short_record_rows(member_ids: list[int]) -> list[list[str]]:
    rows, names = [], full_names()  # a list across organisations names each cell whole
    for number, member_id in enumerate(member_ids, start=1):
        member = readable_member(member_id)
        shown = member_fields(member)
        levels = " / ".join(p for p in (member.professional_level, member.political_theory) if p)
        joined = "\n".join(fmt_date(day) for day in (member.ceremony_date or member.admission_date,
                                                       member.full_member_date) if day)
        post_and_cell = ", ".join(p for p in (member.party_posts, names.get(member.org_id, "")) if p)
        rows.append([str(number), member.full_name, fmt_date(member.birth_date), shown["home_town"] or "",
                     joined, levels, post_and_cell])
    return rows


def render_short_record(path: Path, member_ids: list[int], printed_on: date) -> Path:
    office = office_details()
    rows = short_record_rows(member_ids)  # each member read, and refused when out of reach, first
    check_dated_after_changes(member_ids, printed_on, "Danh sách trích ngang")
    header = Header(office.superior_body, office.bloc_name, "", office.place, printed_on, "Danh sách",
                    "trích ngang đảng viên")
    body = Body()
    body.table([SHORT_HEADER, *rows], SHORT_WIDTHS, numeric_from=len(SHORT_HEADER))
    return build_document(path, header, body, office_signature(office), [],
                          left_signature=Signature("NGƯỜI LẬP DANH SÁCH", "", ""),
                          author="Danh sách trích ngang", wide=True)
