"""Members' contact with the Party organisation where they live (DOMAIN §11): where each is
introduced and when, an exemption and its reason, each year's comment from the residence;
the members not yet introduced or without the year's comment, listed per cell."""

from dataclasses import dataclass
from datetime import date

from models.accounts import session
from models.accounts.audit import log_delete, log_insert, save_changes
from models.core.checks import year_in
from models.core.dates import check_plausible
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean, clean_multiline
from models.members.counts import members_at
from models.members.record import get_member
from models.members.tables import Member
from models.orgs.tree import check_in_scope, subtree_ids
from models.residence.tables import ResidenceComment, ResidenceContact
from models.residence.vocab import EXEMPTIONS, KHONG_DAT, NOT_INTRODUCED_EXEMPTIONS, RESULTS


def _writable(member_id: int) -> Member:
    session.require(session.WRITE_RECORDS)
    member = get_member(member_id)
    if member.org_id is not None:
        check_in_scope(member.org_id)
    return member


def set_contact(member_id: int, residence_org: str, residence_cell: str, introduced_on: date | None,
                exemption: str = "", note: str = "") -> ResidenceContact:
    member = _writable(member_id)
    if exemption not in EXEMPTIONS:
        raise ValidationError("exemption", "Chọn trường hợp miễn trong danh sách.")
    residence_org, residence_cell = clean(residence_org), clean(residence_cell)
    if exemption not in NOT_INTRODUCED_EXEMPTIONS:
        if not residence_org:
            raise ValidationError("residence_org", "Nhập đảng bộ xã, phường nơi đảng viên cư trú.")
        if introduced_on is None:
            raise ValidationError("introduced_on", "Nhập ngày giới thiệu về nơi cư trú.")
    if introduced_on is not None:
        check_plausible(introduced_on, "introduced_on", "Ngày giới thiệu")
        if member.admission_date and introduced_on < member.admission_date:
            raise ValidationError("introduced_on", "Ngày giới thiệu ở trước ngày kết nạp.")
    values = {"residence_org": residence_org, "residence_cell": residence_cell,
              "introduced_on": introduced_on, "exemption": exemption, "note": clean_multiline(note)}
    with database.atomic():
        contact = ResidenceContact.get_or_none(ResidenceContact.member == member.id)
        if contact is None:
            contact = ResidenceContact.create(member=member.id, **values)
            log_insert(contact)
        else:
            save_changes(contact, values, touch=True)
        return contact


def record_comment(member_id: int, year: int, result: str | None, note: str = "",
                   received_on: date | None = None) -> ResidenceComment | None:
    """The residence's comment of the year; None as result takes a wrong entry out."""
    member = _writable(member_id)
    year = year_in(year, "year", "Năm", 1990, 2100)
    contact = ResidenceContact.get_or_none(ResidenceContact.member == member.id)
    with database.atomic():
        comment = ResidenceComment.get_or_none((ResidenceComment.member == member.id)
                                               & (ResidenceComment.year == year))
        if result is None:
            if comment is not None:
                log_delete(comment)
                comment.delete_instance()
            return None
        if result not in RESULTS:
            raise ValidationError("result", "Chọn Đạt hoặc Không đạt.")
        if contact is None or contact.introduced_on is None:
            raise ValidationError("result", "Đảng viên chưa được giới thiệu về nơi cư trú: ghi việc giới "
                                            "thiệu trước.")
        if received_on is not None:
            check_plausible(received_on, "received_on", "Ngày nhận nhận xét")
        values = {"result": result, "note": clean_multiline(note), "received_on": received_on}
        if comment is None:
            comment = ResidenceComment.create(member=member.id, year=year, **values)
            log_insert(comment)
        else:
            save_changes(comment, values)
        return comment


def save_residence(member_id: int, contact: dict, year: int, comment: dict) -> None:
    """The contact and the year's comment as one form saves them: both or neither."""
    with database.atomic():
        set_contact(member_id, **contact)
        record_comment(member_id, year, **comment)


@dataclass(frozen=True)
class ContactRow:
    member_id: int
    full_name: str
    org_id: int
    residence_org: str
    residence_cell: str
    introduced_on: date | None
    exemption: str
    result: str | None  # the year's comment
    comment_note: str

    @property
    def needs_introduction(self) -> bool:
        return self.introduced_on is None and self.exemption not in NOT_INTRODUCED_EXEMPTIONS

    @property
    def needs_comment(self) -> bool:
        return self.introduced_on is not None and not self.exemption and self.result is None


def contact_rows(year: int, org_id: int | None) -> list[ContactRow]:
    """Everyone counted in the organisation (or the bloc) on 31/12 of the year, with their
    contact and the year's comment, in name order."""
    people = members_at(date(year, 12, 31), subtree_ids(org_id) if org_id else None)
    ids = [member_id for member_id, _org, _m in people]

    def only_these(query, column):
        # The whole bloc is read whole: an IN of 100,000 numbers is past SQLite's limit.
        return query.where(column.in_(ids)) if org_id else query

    names = {m: (n, k) for m, n, k in only_these(Member.select(Member.id, Member.full_name, Member.sort_key),
                                                 Member.id).tuples().iterator()}
    # Plain tuples, not model instances: the whole bloc's rows are read for the report.
    contact_columns = (ResidenceContact.member, ResidenceContact.residence_org,
                       ResidenceContact.residence_cell, ResidenceContact.introduced_on,
                       ResidenceContact.exemption)
    contacts = {row[0]: row[1:] for row in only_these(ResidenceContact.select(*contact_columns),
                                                       ResidenceContact.member).tuples().iterator()}
    year_comments = (ResidenceComment.select(ResidenceComment.member, ResidenceComment.result,
                                             ResidenceComment.note).where(ResidenceComment.year == year))
    comments = {row[0]: row[1:] for row in only_these(year_comments, ResidenceComment.member)
                .tuples().iterator()}
    no_contact, no_comment = ("", "", None, ""), (None, "")
    rows = [ContactRow(member_id, names[member_id][0], org, *contacts.get(member_id, no_contact),
                       *comments.get(member_id, no_comment))
            for member_id, org, _membership in people]
    return sorted(rows, key=lambda row: names[row.member_id][1])


def get_contact(member_id: int) -> tuple[ResidenceContact | None, dict[int, ResidenceComment]]:
    """The member's contact and comments by year."""
    contact = ResidenceContact.get_or_none(ResidenceContact.member == member_id)
    comments = {c.year: c for c in ResidenceComment.select().where(ResidenceComment.member == member_id)}
    return contact, comments


@dataclass(frozen=True)
class ResidenceFigures:
    members: int
    introduced: int
    exempt_from_comment: int
    not_introduced: int
    commented: int
    failed: int  # "không đạt"


def residence_figures(year: int, org_id: int | None = None) -> ResidenceFigures:
    """The counts of contact_rows' list, without the names and the sorting a list needs: the
    year-end report reads the whole bloc's."""
    people = {member_id for member_id, _org, _m in members_at(date(year, 12, 31),
                                                              subtree_ids(org_id) if org_id else None)}
    # Sets of ids met in C, not a member-by-member walk: the bloc's 100,000 in a tenth of a second.
    introduced_ids = {member for (member,) in database.execute(
        ResidenceContact.select(ResidenceContact.member).where(ResidenceContact.introduced_on.is_null(False)))}
    exemptions = {member: exemption for member, exemption in database.execute(
        ResidenceContact.select(ResidenceContact.member, ResidenceContact.exemption)
        .where(ResidenceContact.exemption.is_null(False) & (ResidenceContact.exemption != "")))
        if member in people}
    results = {member: result for member, result in database.execute(
        ResidenceComment.select(ResidenceComment.member, ResidenceComment.result)
        .where(ResidenceComment.year == year)) if member in people}
    introduced = len(people & introduced_ids)
    kept_apart = sum(1 for member, exemption in exemptions.items()  # not expected to be introduced
                     if exemption in NOT_INTRODUCED_EXEMPTIONS and member not in introduced_ids)
    not_introduced = len(people) - introduced - kept_apart
    exempt, commented = len(exemptions), len(results)
    failed = sum(1 for result in results.values() if result == KHONG_DAT)
    return ResidenceFigures(len(people), introduced, exempt, not_introduced, commented, failed)


def comments_of(year: int, member_ids: list[int]) -> dict[int, str]:
    """The year's comment of each member who has one, for the rating grid."""
    return dict(ResidenceComment.select(ResidenceComment.member, ResidenceComment.result)
                .where((ResidenceComment.year == year) & ResidenceComment.member.in_(member_ids)).tuples())
