"""The papers of awards (DOMAIN §7): the standing committee's decision to award Giấy khen,
with its list, and its proposal of an occasion's Party badges."""

from datetime import date

from models.accounts import session
from models.awards.awarding import get_award
from models.awards.badges import POSTHUMOUS, badge_list
from models.awards.seniority import occasions_of
from models.awards.tables import Award
from models.core import vocab as v
from models.core.dates import add_months
from models.core.errors import ValidationError
from models.documents.facts import Paper, bloc_decides, bloc_facts, day, grassroots, text
from models.members.record import check_readable
from models.members.tables import Member
from models.orgs.tables import PartyOrg
from models.orgs.tree import check_in_scope, full_names


def award_batch(award_id: int) -> list[Award]:
    """The awards recorded together with this one: same issuer, form, campaign and date."""
    award = get_award(award_id)
    return list(Award.select().where((Award.issuer == award.issuer) & (Award.form == award.form)
                                     & (Award.campaign == award.campaign)
                                     & (Award.decision_date == award.decision_date)).order_by(Award.id))


def award_paper(award_id: int) -> Paper:
    batch = award_batch(award_id)
    for award in batch:  # the decision lists everyone it awards: all of the account's organisations
        if award.member_id is not None:
            check_readable(award.member)
        elif award.org_id is not None:
            check_in_scope(award.org_id)
    first = batch[0]
    bloc_decides(first.issuer, "Quyết định khen thưởng")
    if first.form != "GIAY_KHEN":
        raise ValidationError("kind", "Đảng ủy Khối quyết định tặng Giấy khen; cờ và bằng khen do cấp trên "
                                      "quyết định.")
    collectives = [a for a in batch if a.recipient_kind != v.MEMBER_RECIPIENT]
    people = [a for a in batch if a.recipient_kind == v.MEMBER_RECIPIENT]
    counted = [f"{len(group):02d} {word}" for group, word in ((collectives, "tập thể"), (people, "cá nhân"))
               if group]
    facts = {**bloc_facts(), "được khen": " và ".join(counted), "số tập thể": f"{len(collectives):02d}",
             "số cá nhân": f"{len(people):02d}", "thành tích": text(first.campaign),
             "người nhận": "các tập thể, cá nhân có tên tại Điều 1",
             "người có tên": "các tập thể, cá nhân có tên tại Điều 1"}
    paper = Paper("khen-thuong", "QĐ", "Quyết định", "về việc khen thưởng",
                  f"Quyết định khen thưởng: {first.campaign}"[:200], f"khen-thuong:{first.id}", facts,
                  typed_numbers=tuple(award.decision_no for award in batch))
    paper.list_title = "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"
    names = full_names()
    units = [_unit_of(a, names) for a in collectives + people]
    named = collectives + people
    if any(units):
        paper.list_header = ["STT", "Tên tập thể, cá nhân", "Đơn vị"]
        paper.people = [[str(n), a.recipient_name, unit]
                        for n, (a, unit) in enumerate(zip(named, units, strict=True), start=1)]
    else:  # no column of blanks
        paper.list_header = ["STT", "Tên tập thể, cá nhân"]
        paper.people = [[str(n), a.recipient_name] for n, a in enumerate(named, start=1)]
    return paper


def _unit_of(award: Award, names: dict[int, str]) -> str:
    if award.member_id:
        org = Member.get_by_id(award.member_id).org
        return names[org.id] if org else ""
    if award.org_id:
        org = PartyOrg.get_by_id(award.org_id)
        if org.level not in v.GRASSROOTS:
            return grassroots(org).name
    return ""


def badge_paper(occasion: date) -> Paper:
    """The standing committee's proposal to the provincial committee for an occasion's badges."""
    # The bloc's proposal for the whole bloc: an account limited to some organisations would
    # print it with only their members, under the standing committee's name.
    session.require_bloc_reader("Tờ trình đề nghị tặng Huy hiệu Đảng")
    when = day(occasion)
    occasions = [held for held, _name in occasions_of(occasion.year)]
    if occasion not in occasions:  # found: a proposal "đợt 01/01/2020" was printed
        raise ValidationError("for", f"Ngày {when} không phải một đợt trao Huy hiệu Đảng; các đợt năm "
                                     f"{occasion.year}: {', '.join(day(held) for held in occasions)}.")
    # Those due and the posthumous: a member who could be given it early (seriously ill) is
    # proposed with the illness stated, not listed as "đủ tiêu chuẩn" (reported: nine of ten
    # on a 3/2 proposal would complete their 30 years later in the year).
    candidates = badge_list(occasion, with_early=False)
    if not candidates:
        raise ValidationError("kind", f"Không có đảng viên nào đủ tiêu chuẩn Huy hiệu Đảng đợt {when}.")
    facts = {**bloc_facts(), "số đảng viên": f"{len(candidates):02d}", "đợt": when}
    paper = Paper("huy-hieu", "TTr", "Tờ trình", f"về việc đề nghị tặng Huy hiệu Đảng đợt {when}",
                  f"Tờ trình đề nghị tặng Huy hiệu Đảng đợt {when}", f"huy-hieu:{occasion.isoformat()}",
                  facts)
    paper.dated_within = (add_months(occasion, -12), occasion)
    paper.list_title = "DANH SÁCH ĐẢNG VIÊN ĐỀ NGHỊ TẶNG HUY HIỆU ĐẢNG"
    paper.list_header = ["STT", "Họ và tên", "Năm sinh", "Đảng bộ, chi bộ", "Ngày vào Đảng", "Huy hiệu"]
    paper.people = [[str(n), c.full_name + (" (truy tặng)" if c.kind == POSTHUMOUS else ""),
                     str(c.birth_date.year), c.org_name, day(c.admitted_on) or "",
                     f"{c.milestone} năm"]  # under "Huy hiệu": "30 năm tuổi Đảng" took two lines a row
                    for n, c in enumerate(candidates, start=1)]
    return paper
