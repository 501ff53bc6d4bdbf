"""What each document printed from a record says about it (DOMAIN §12): the facts its
template's {placeholders} are filled with, its list of people when it has one, and the record
it comes from. A fact the record lacks is None: the print stops and names it, never a blank
guessed over."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from models.accounts.office import office_details
from models.admissions.cases import get_case
from models.core import vocab as v
from models.core.bodies import bloc_commission, bloc_committee
from models.core.checks import record_number
from models.core.dates import fmt_date
from models.core.errors import NotFound, ValidationError
from models.core.workdays import add_working_days
from models.documents.register import term_start
from models.inspections.tables import Discipline
from models.inspections.vocab import FORMS, TO_CHUC
from models.members.record import MASK, check_readable, get_member, member_fields
from models.members.tables import Member, MemberEvent
from models.orgs.tables import PartyOrg
from models.orgs.tree import check_in_scope, full_names, name_chains

TRANSFER_KINDS = (v.TRANSFER_OUT, v.TEMP_OUT_START)
COMMISSION = "UBKT"

BLOC = ("đảng ủy khối", "đảng bộ khối", "nhiệm kỳ")
# Where a member belongs, named once (models.orgs.full_names): "nơi sinh hoạt" is the cell with
# its đảng bộ ("Chi bộ Phòng Ngân sách, Đảng bộ Sở Tài chính") or a chi bộ cơ sở alone;
# "tổ chức thi hành" the đảng bộ then the cell, each once (reported: "Chi bộ Sở Tư pháp, Chi bộ
# Sở Tư pháp").
PLACE = ("chi bộ", "đảng bộ cơ sở", "nơi sinh hoạt", "tổ chức thi hành")
MEMBER = ("họ và tên", "ngày sinh", "năm sinh", "quê quán", "nơi ở", "dân tộc", "số thẻ", "chức vụ",
          "ngày vào Đảng", "ngày chính thức", "đảng viên chính thức hay dự bị", "vào Đảng", *PLACE)
CASE = ("họ và tên", "ngày sinh", "quê quán", *PLACE, "số nghị quyết chi bộ",
        "ngày nghị quyết chi bộ", "ngày quyết định kết nạp")
NAMED = ("người nhận", "người có tên")
AWARD = ("được khen", "số tập thể", "số cá nhân", "thành tích")
# The facts a record of each kind fills (the functions below), for checking a template the
# office edits when it is saved rather than when a document is printed.
KIND_FACTS = {
    "ket-nap": (*BLOC, *CASE, *NAMED),
    "chinh-thuc": (*BLOC, *CASE, *NAMED, "ngày chính thức"),
    "gioi-thieu": (*BLOC, *MEMBER, *NAMED, "nơi chuyển đến", "ngày chuyển", "hạn giấy giới thiệu"),
    "ky-luat": (*BLOC, *MEMBER, *NAMED, "hình thức kỷ luật", "vi phạm", "ngày hiệu lực"),
    "ky-luat-ubkt": (*BLOC, *MEMBER, *NAMED, "hình thức kỷ luật", "vi phạm", "ngày hiệu lực"),
    "khen-thuong": (*BLOC, *NAMED, *AWARD),
    "giay-khen": (*BLOC, *NAMED, *AWARD, "số quyết định", "ngày quyết định"),
    "huy-hieu": (*BLOC, "số đảng viên", "đợt"),
}


def placeholders_of(kind: str) -> frozenset[str]:
    """The names a record of the kind fills: a template the office edits may use these."""
    return frozenset(KIND_FACTS[kind])


LETTER_DAYS = 30  # an introduction letter is presented within 30 working days


@dataclass
class Paper:
    kind: str
    type_code: str  # "" for a sheet or list that takes no number
    title: str  # "Quyết định", "Giấy giới thiệu", "Tờ trình"
    subject: str  # the trích yếu, "về việc kết nạp đảng viên"
    register_title: str  # as the register lists it, naming who it concerns
    source: str  # the record it comes from: "ket-nap:12", "su-kien:40"
    facts: dict[str, str | None] = field(default_factory=dict)
    issuer: str = ""  # "" the standing committee; COMMISSION for the inspection commission's own
    list_title: str = ""
    list_header: list[str] = field(default_factory=list)
    people: list[list[str]] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # why a fact is None, when not "not entered"
    # The numbers its records already carry ("20-QĐ/ĐUK"), typed with the act: one for a paper
    # from one record, the cases' own for a decision with a list.
    typed_numbers: tuple[str, ...] = ()
    # Facts that follow the day the paper is dated rather than its record (`facts` holds them as
    # of the record's day, for a draft): a letter dated after the transfer runs from its own day.
    dated: Callable[[date], dict[str, str | None]] | None = None
    # The days a paper not tied to a recorded act can bear: a proposal for an occasion is dated
    # in the year before it, never after it.
    dated_within: tuple[date, date] | None = None

    def facts_on(self, issued_on: date) -> None:
        if self.dated is not None:
            self.facts.update(self.dated(issued_on))


def day(value: date | None) -> str | None:
    """Dates on papers as on the member sheet, dd/mm/yyyy (reported: the letter wrote 5/3/1985
    where the sheet wrote 05/03/1985)."""
    return fmt_date(value) if value else None


def text(value) -> str | None:
    return str(value).strip() or None if value is not None else None


def grassroots(org: PartyOrg | None) -> PartyOrg | None:
    while org is not None and org.level not in v.GRASSROOTS and org.parent_id:
        org = org.parent
    return org


def bloc_facts() -> dict[str, str | None]:
    office = office_details()
    bloc = office.bloc_name
    start = term_start()
    return {
        "đảng ủy khối": text(bloc),
        # The Party body the committee leads: "Đảng ủy Khối …" -> "Đảng bộ Khối …".
        "đảng bộ khối": text("Đảng bộ" + bloc[len("Đảng ủy"):] if bloc.lower().startswith("đảng ủy")
                             else bloc),
        "nhiệm kỳ": f"{start.year} - {start.year + 5}" if start else None,
    }


def place_facts(cell: PartyOrg | None) -> dict[str, str | None]:
    if cell is None:
        return dict.fromkeys(PLACE)
    base = grassroots(cell)
    chain = name_chains()[cell.id]
    # Who carries the decision out: from the đảng bộ cơ sở down to the cell, the intermediate
    # committee between them included (it appraised the case).
    return {"chi bộ": cell.name, "đảng bộ cơ sở": base.name if base else None,
            "nơi sinh hoạt": ", ".join(chain), "tổ chức thi hành": ", ".join(reversed(chain))}


def joined_words(member: Member) -> str | None:
    """"vào Đảng ngày 19/05/2010, chính thức ngày 19/05/2011; số thẻ đảng viên 01234567" — or, for a
    probationary member, what there is (reported: a letter refused for a probationary member
    whose record has no full-membership date yet). Being on probation the paper says next, with
    {đảng viên chính thức hay dự bị}."""
    joined = day(member.ceremony_date or member.admission_date)
    if joined is None:
        return None
    words = f"vào Đảng ngày {joined}"
    if member.membership == v.FULL and member.full_member_date:
        words += f", chính thức ngày {day(member.full_member_date)}"
    return words + (f"; số thẻ đảng viên {member.card_number}" if member.card_number else "")


def member_facts(member: Member, reasons: dict[str, str] | None = None) -> dict[str, str | None]:
    """The member's particulars; an address the account may not see is withheld (and why is
    put in `reasons`), never printed; a member outside the account's organisations, refused."""
    check_readable(member)
    cell = member.org
    shown = member_fields(member)
    personal = {}
    for key, name in (("home_town", "quê quán"), ("residence", "nơi ở")):
        personal[name] = None if shown[key] == MASK else text(shown[key])
        if shown[key] == MASK and reasons is not None:
            reasons[name] = "tài khoản này không được xem địa chỉ của đảng viên"
    return {
        "họ và tên": member.full_name, "ngày sinh": day(member.birth_date),
        "năm sinh": str(member.birth_date.year) if member.birth_date else None,
        **personal,
        "dân tộc": text(member.ethnicity), "số thẻ": text(member.card_number),
        "chức vụ": text(member.party_posts),
        "ngày vào Đảng": day(member.ceremony_date or member.admission_date),
        "ngày chính thức": day(member.full_member_date),
        "đảng viên chính thức hay dự bị": "đảng viên chính thức" if member.membership == v.FULL
        else "đảng viên dự bị",
        "vào Đảng": joined_words(member),
        **place_facts(cell),
    }


def _case_facts(case) -> dict[str, str | None]:
    return {"họ và tên": case.full_name, "ngày sinh": day(case.birth_date), "quê quán": text(case.home_town),
            **place_facts(case.org),
            "số nghị quyết chi bộ": text(case.cell_resolution_no),
            "ngày nghị quyết chi bộ": day(case.cell_resolution_date),
            "ngày quyết định kết nạp": day(case.decision_date)}


def bloc_decides(body: str, what: str) -> None:
    """The bloc's standing committee prints only its own decisions (DOMAIN §3 and §5): not
    those of a grassroots committee or of the inspection commission, which sign their own."""
    if body and not bloc_committee(body):
        raise ValidationError("kind", f"{what} do {body} ban hành, không phải Ban Thường vụ Đảng ủy Khối: "
                                      "văn bản đó không in từ đây.")


def _shared(values: list[str | None], many: str) -> str | None:
    """One value when the people share it, else the wording for many."""
    return values[0] if len(set(values)) == 1 else many


def _several(kind: str, ids: list[int], cases: list, who_one: str, subject: str, title: str) -> Paper:
    facts = {**bloc_facts()}
    each = [_case_facts(case) for case in cases]
    if len(cases) == 1:
        facts.update(each[0])
        facts["người nhận"] = facts["người có tên"] = f"{who_one} {cases[0].full_name}"
        register_title = f"{title} {cases[0].full_name}"
    else:
        facts["người nhận"] = f"{len(cases):02d} {who_one} có tên trong danh sách kèm theo"
        facts["người có tên"] = f"các {who_one} có tên trong danh sách kèm theo"
        facts["chi bộ"] = _shared([f["chi bộ"] for f in each], "các chi bộ có tên trong danh sách")
        facts["đảng bộ cơ sở"] = _shared([f["đảng bộ cơ sở"] for f in each], "các đảng bộ, chi bộ cơ sở")
        facts["nơi sinh hoạt"] = _shared([f["nơi sinh hoạt"] for f in each],
                                         "các chi bộ có tên trong danh sách")
        facts["tổ chức thi hành"] = _shared([f["tổ chức thi hành"] for f in each],
                                            "các đảng bộ, chi bộ có đảng viên trong danh sách")
        for key in ("ngày chính thức", "ngày quyết định kết nạp"):
            facts[key] = "ngày ghi trong danh sách kèm theo"
        register_title = f"{title} ({len(cases)} người)"
    source = f"{kind}:{','.join(str(i) for i in sorted(ids))}"  # the same people, the same decision
    return Paper(kind, "QĐ", "Quyết định", subject, register_title, source, facts)


def _readable_cases(case_ids: list[int]) -> list:
    """The cases a decision names, each of the account's organisations (found: a clerk limited
    to one đảng bộ printed the admission decision, with birth date and home town, of a person
    in another)."""
    cases = [get_case(i) for i in case_ids]
    for case in cases:
        check_in_scope(case.org_id)
    return cases


def admission_paper(case_ids: list[int]) -> Paper:
    """From cases that passed the grassroots resolution: one decision, a list when several."""
    cases = _readable_cases(case_ids)
    for case in cases:
        bloc_decides(case.decision_body, "Quyết định kết nạp")
        if not case.base_resolution_date and not case.cell_resolution_date:
            raise ValidationError("kind", f"Hồ sơ kết nạp {case.full_name} chưa có nghị quyết của chi bộ: "
                                          "chưa đến bước ra quyết định kết nạp.")
    paper = _several("ket-nap", [c.id for c in cases], cases, "quần chúng", "về việc kết nạp đảng viên",
                     "Quyết định kết nạp đảng viên")
    paper.typed_numbers = tuple(case.decision_no for case in cases)
    if len(cases) > 1:
        paper.list_title = "DANH SÁCH QUẦN CHÚNG ĐƯỢC KẾT NẠP VÀO ĐẢNG"
        paper.list_header = ["STT", "Họ và tên", "Ngày sinh", "Quê quán", "Chi bộ", "Nghị quyết chi bộ"]
        names = full_names()  # "Chi bộ 1" of which committee: the list names each cell whole
        paper.people = [[str(n), c.full_name, day(c.birth_date) or "", c.home_town, names[c.org_id],
                         f"{c.cell_resolution_no}, {day(c.cell_resolution_date) or ''}".strip(", ")]
                        for n, c in enumerate(cases, start=1)]
    return paper


def full_membership_paper(case_ids: list[int]) -> Paper:
    """From cases at the full-membership step: the member, probation done, reviewed by the cell."""
    cases = _readable_cases(case_ids)
    members = []
    for case in cases:
        if case.member_id is None:
            raise ValidationError("kind", f"{case.full_name} chưa được kết nạp: chưa có quyết định công nhận "
                                          "đảng viên chính thức.")
        members.append(get_member(case.member_id))
    paper = _several("chinh-thuc", [c.id for c in cases], cases, "đồng chí",
                     "về việc công nhận đảng viên chính thức", "Quyết định công nhận đảng viên chính thức")
    paper.typed_numbers = tuple(case.full_decision_no for case in cases)
    if len(cases) == 1:
        paper.facts.update({key: value for key, value in member_facts(members[0]).items()
                            if key in ("ngày chính thức", *PLACE)})
        paper.facts["người nhận"] = f"đồng chí {members[0].full_name}, đảng viên dự bị"
    else:
        paper.list_title = "DANH SÁCH ĐẢNG VIÊN ĐƯỢC CÔNG NHẬN CHÍNH THỨC"
        paper.list_header = ["STT", "Họ và tên", "Ngày sinh", "Chi bộ", "Ngày vào Đảng", "Ngày chính thức"]
        names = full_names()
        paper.people = [[str(n), m.full_name, day(m.birth_date) or "", names.get(m.org_id, ""),
                         day(m.ceremony_date) or "", day(m.full_member_date) or ""]
                        for n, m in enumerate(members, start=1)]
    return paper


def letter_paper(event_id: int) -> Paper:
    """From a transfer out: the introduction letter with the member's particulars."""
    event = MemberEvent.get_or_none(MemberEvent.id == record_number(event_id))
    if event is None:
        raise NotFound(f"Không tìm thấy biến động số {event_id}.")
    if event.kind not in TRANSFER_KINDS:
        raise ValidationError("kind", "Giấy giới thiệu sinh hoạt đảng in từ biến động chuyển sinh hoạt đi.")
    member = event.member
    reasons: dict[str, str] = {}
    facts = {**bloc_facts(), **member_facts(member, reasons)}
    if event.org_before_id:  # where the member was when leaving, not where the record stands now
        facts.update(place_facts(PartyOrg.get_by_id(event.org_before_id)))
    def valid_until(issued_on: date) -> dict[str, str | None]:
        # To be presented within 30 working days (DOMAIN §2), Tết and holidays not counted, from
        # the letter's day (found: a letter dated 06/12 for a transfer of 02/12 ran from 02/12)
        # or from the transfer's, when the letter is written ahead of it.
        return {"hạn giấy giới thiệu": day(add_working_days(max(issued_on, event.date), LETTER_DAYS))}

    facts.update({"nơi chuyển đến": text(event.place), "ngày chuyển": day(event.date),
                  **valid_until(event.date),
                  "người nhận": f"đồng chí {member.full_name}",
                  "người có tên": f"đồng chí {member.full_name}"})
    temporary = event.kind == v.TEMP_OUT_START
    subject = "sinh hoạt đảng tạm thời" if temporary else "sinh hoạt đảng"
    return Paper("gioi-thieu", "GGT", "Giấy giới thiệu", subject,
                 f"Giấy giới thiệu {subject} đồng chí {member.full_name}", f"gioi-thieu:{event.id}", facts,
                 reasons=reasons, typed_numbers=(event.decision_no or "",), dated=valid_until)


def discipline_paper(discipline_id: int) -> Paper:
    record = Discipline.get_or_none(Discipline.id == record_number(discipline_id))
    if record is None:
        raise NotFound(f"Không tìm thấy quyết định kỷ luật số {discipline_id}.")
    by_commission = bloc_commission(record.deciding_body)
    if not by_commission:
        bloc_decides(record.deciding_body, "Quyết định kỷ luật")
    facts, reasons = {**bloc_facts()}, {}
    if record.subject_type == TO_CHUC:
        org = record.org
        check_in_scope(org.id)
        name = full_names()[org.id]  # "Chi bộ 1" of which committee
        facts.update({**place_facts(org), "người nhận": name, "người có tên": name})
        facts["đảng bộ cơ sở"] = facts["đảng bộ cơ sở"] or org.name
    else:
        member = record.member
        facts.update(member_facts(member, reasons))
        posts = f", {member.party_posts}" if member.party_posts else ""
        standing = facts["đảng viên chính thức hay dự bị"]
        cell = facts["nơi sinh hoạt"] or ""  # the cell with its committees: twin cells are common
        facts["người nhận"] = f"đồng chí {member.full_name}{posts}, {standing} {cell}".rstrip()
        facts["người có tên"] = f"đồng chí {member.full_name}"
        name = member.full_name
    facts.update({"hình thức kỷ luật": FORMS[record.form].lower(), "vi phạm": text(record.note),
                  "ngày hiệu lực": day(record.effective_date)})
    kind = "ky-luat-ubkt" if by_commission else "ky-luat"
    return Paper(kind, "QĐ", "Quyết định", "về việc thi hành kỷ luật", f"Quyết định kỷ luật {name}",
                 f"ky-luat:{record.id}", facts, reasons=reasons, issuer=COMMISSION if by_commission else "",
                 typed_numbers=(record.decision_no or "",))
