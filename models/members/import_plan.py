"""Planning an import of members from an Excel file: nothing is written here. Every row is
read, checked like a member typed in the app, matched to its cell, and compared with the
registry and the rest of the file for duplicates; the plan says what would happen."""

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from models.core import vocab as v
from models.core.bulk import collector_paused
from models.core.errors import ValidationError
from models.core.lookup import looked_up
from models.core.text import fold
from models.core.workbook import read_sheets, spread_merges
from models.members.columns import (
    LABELS,
    REQUIRED,
    detect_mapping,
    display_headers,
    find_header,
    readers_for,
    text_value,
)
from models.members.org_matching import GRASSROOTS_NAMED, MissingCell, OrgMatcher, is_missing
from models.members.record import validate
from models.members.tables import Member
from models.orgs.tree import org_rows

SKIP, UPDATE, ADD = "SKIP", "UPDATE", "ADD"
ORG, DUPLICATE = "ORG", "DUPLICATE"  # kinds of problem found against the tree, the registry
TOTALS_WORDS = ("tong cong", "tong so", "cong")
_TOTALS = re.compile("(?:" + "|".join(TOTALS_WORDS) + ")(?:$|[ :])")  # a whole word, then the figure
CARD_IN_REGISTRY, SAME_PERSON_IN_REGISTRY, SAME_PERSON_IN_FILE = "CARD", "PERSON", "PERSON_IN_FILE"
DUPLICATE_KINDS = {
    CARD_IN_REGISTRY: "Số thẻ, số lý lịch hoặc CCCD đã có trong danh sách",
    SAME_PERSON_IN_REGISTRY: "Cùng họ tên và ngày sinh với hồ sơ đã có",
    SAME_PERSON_IN_FILE: "Cùng họ tên và ngày sinh với một dòng trên trong tệp",
}


@dataclass(frozen=True)
class Problem:
    row: int  # as Excel numbers it
    column: str
    value: str
    message: str
    kind: str = ""  # ORG or DUPLICATE: found against the tree or the registry, found again after a change


@dataclass
class PlannedRow:
    row: int
    fields: dict  # validated, ready to store
    org_label: str
    parent_label: str = ""
    unit_label: str = ""  # the đảng bộ bộ phận between the cell and its đảng bộ cơ sở
    org_id: int | None = None
    org_missing: bool = False  # the tree has no cell of that name (not: several of that name)
    grassroots_id: int | None = None  # the "cell" named is a đảng bộ cơ sở: the clerk picks its cell
    duplicate: str | None = None
    existing_id: int | None = None
    problems: list[Problem] = field(default_factory=list)


@dataclass
class ImportPlan:
    sheet: str
    header_row: int
    headers: list[str]  # as written in the file, for the clerk
    mapping: dict[int, str]
    rows: list[PlannedRow]
    missing_orgs: Counter  # MissingCell -> rows; one entry however it is spelt
    skipped_rows: list[tuple[int, str]] = field(default_factory=list)  # (row, why): totals lines

    @property
    def problems(self) -> list[Problem]:
        return [problem for row in self.rows for problem in row.problems]

    @property
    def clean_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if not row.problems]

    def duplicates(self, kind: str) -> list[PlannedRow]:
        return [row for row in self.clean_rows if row.duplicate == kind]


def read_sheet(path: Path) -> tuple[str, list[list], tuple[int, list[str], int]]:
    """The first visible sheet that has a recognisable header, as lists of cell values, cells
    merged down a column spread to their rows, with that header (find_header). Anything that is
    not a readable .xlsx, or would unpack too large, gets a Vietnamese message
    (models/core/workbook.py)."""
    path = Path(path)
    first_error = None
    for sheet in read_sheets(path):
        try:
            header = find_header(sheet.rows)
        except ValidationError as error:
            first_error = first_error or error
            continue
        spread_merges(sheet.rows, sheet.merges, from_row=header[0] + 2)
        return sheet.title, sheet.rows, header
    if first_error is None:
        raise ValidationError("file", f"Bảng tính {path.name} không có trang nào.")
    raise first_error


def _read_row(number: int, cells: list, readers: list, matcher: OrgMatcher) -> PlannedRow:
    width = len(cells)
    raw = {name: cells[index] if index < width else None for index, name, _read in readers}
    problems, fields = [], {}

    def problem(name: str, message: str) -> None:
        problems.append(Problem(number, LABELS[name], text_value(raw.get(name)), message))

    for _index, name, read in readers:
        try:
            fields[name] = read(raw[name])
        except ValidationError as error:
            problem(name, error.message)
    for name in REQUIRED:
        already = bool(problems) and any(p.column == LABELS[name] for p in problems)
        if name in raw and not fields.get(name) and not already:
            problem(name, f"Thiếu {LABELS[name].lower()}.")
    org_label, parent_label = fields.pop("org", ""), fields.pop("parent_org", "")
    planned = PlannedRow(number, {}, org_label, parent_label, fields.pop("unit_org", ""))
    readable = not problems  # the record's own checks need every value read
    if org_label:
        planned.org_id, why = matcher.match(org_label, parent_label, planned.unit_label)
        if planned.org_id is None:
            planned.org_missing = is_missing(why)
            if why == GRASSROOTS_NAMED:
                planned.grassroots_id = matcher.grassroots(org_label)
            problems.append(Problem(number, LABELS["org"], org_label, why, ORG))
    if readable:
        try:
            planned.fields = validate(fields, check_unique=False, cleaned=True)  # read by text_value
        except ValidationError as error:
            label = LABELS.get(error.field, error.field)
            value = fields.get(error.field)
            problems.append(Problem(number, label, text_value(value.strftime("%d/%m/%Y") if hasattr(
                value, "strftime") else value), error.message))
    planned.problems = problems
    return planned


def _mark_duplicates(rows: list[PlannedRow]) -> None:
    """Against the registry (one query per chunk of the file) and within the file. A row whose
    identifiers all belong to one record is that record again; to several records, a problem.
    Marks found before (by an earlier pass) are taken away first."""
    for row in rows:
        row.problems = [problem for problem in row.problems if problem.kind != DUPLICATE]
        row.duplicate = row.existing_id = None
    ready = [row for row in rows if not row.problems]
    registry = Member.select().count()
    matched: dict[int, dict[int, str]] = {row.row: {} for row in ready}  # row -> {member: its name}
    for key, label in (("card_number", "Số thẻ"), ("identity_number", "Số CCCD"),
                       ("dossier_number", "Số lý lịch")):
        values = [row.fields[key] for row in ready if row.fields.get(key)]
        holders: dict[str, tuple[int, str]] = {}
        column = getattr(Member, key)
        for value, member_id, name in looked_up(Member, registry, values, column, Member.id,
                                                Member.full_name):
            holders[value] = (member_id, name)
        seen: dict[str, int] = {}
        for row in ready:
            value = row.fields.get(key)
            if not value:
                continue
            if value in seen:
                row.problems.append(Problem(row.row, label, value, f"trùng với dòng {seen[value]} trong tệp",
                                            DUPLICATE))
            elif value in holders:
                matched[row.row][holders[value][0]] = holders[value][1]
            seen.setdefault(value, row.row)
    for row in ready:
        records = matched[row.row]
        if row.problems or not records:
            continue
        if len(records) > 1:
            row.problems.append(Problem(row.row, "Số thẻ, số lý lịch, CCCD", "", kind=DUPLICATE, message=
                                        "trùng với nhiều hồ sơ khác nhau: " + ", ".join(records.values())))
        else:
            row.duplicate, row.existing_id = CARD_IN_REGISTRY, next(iter(records))
    ready = [row for row in rows if not row.problems and row.duplicate is None]
    folded = list({row.fields["name_folded"] for row in ready})
    people: dict[tuple, list[tuple]] = {}  # (name, birth) -> [(member, card, dossier)]
    found = looked_up(Member, registry, folded, Member.name_folded, Member.id, Member.birth_date,
                      Member.card_number, Member.dossier_number)
    for name, member_id, born, card, dossier in found:
        people.setdefault((name, born), []).append((member_id, card, dossier))
    in_file: dict[tuple, list[tuple]] = {}
    for row in ready:
        key = (row.fields["name_folded"], row.fields["birth_date"])
        mine = (row.fields.get("card_number"), row.fields.get("dossier_number"))
        same = [member_id for member_id, *theirs in people.get(key, []) if not _told_apart(mine, theirs)]
        if same:
            row.duplicate, row.existing_id = SAME_PERSON_IN_REGISTRY, same[0]
        elif any(not _told_apart(mine, theirs) for theirs in in_file.get(key, [])):
            row.duplicate = SAME_PERSON_IN_FILE
        in_file.setdefault(key, []).append(mine)


def _told_apart(one: tuple, other) -> bool:
    """Two people of one name and birth date are different people when their card numbers, or
    their dossier numbers, both given, differ (reported: an export imported back skipped eight
    such pairs at 30,000 members unless --same-person add was given)."""
    return any(a and b and a != b for a, b in zip(one, other, strict=True))


@collector_paused()
def plan_import(path: Path, mapping: dict[int, str] | None = None, duplicates: bool = True) -> ImportPlan:
    """Read and check the whole file; `mapping` (column -> field) replaces the detected one when
    the clerk changed it. Without `duplicates`, for a caller that creates the missing cells and
    then calls rematch_orgs(), which marks them over again."""
    sheet, rows, (header_index, headers, depth) = read_sheet(path)
    mapping = dict(mapping) if mapping is not None else detect_mapping(headers)
    twice = [name for name in set(mapping.values()) if list(mapping.values()).count(name) > 1]
    if twice:
        raise ValidationError("mapping", "Cột “" + "”, “".join(LABELS[name] for name in sorted(twice))
                              + "” được chọn cho hai cột trong tệp.")
    shown = display_headers(rows[header_index + 1 - depth:header_index + 1])
    missing = [LABELS[name] for name in REQUIRED if name not in mapping.values()]
    if missing:
        raise ValidationError("mapping", "Chưa xác định được cột: " + ", ".join(missing) + ".")
    matcher, readers = OrgMatcher(), readers_for(mapping)
    planned, skipped = [], []
    for offset, cells in enumerate(rows[header_index + 1:], start=header_index + 2):
        if not any(text_value(cell) for cell in cells):
            continue  # blank lines and the empty tail Excel keeps
        if _is_totals_row(cells):
            skipped.append((offset, "dòng tổng cộng"))
            continue
        planned.append(_read_row(offset, cells, readers, matcher))
    if not planned:
        raise ValidationError("file", "Bảng tính không có dòng đảng viên nào dưới dòng tiêu đề.")
    if duplicates:
        _mark_duplicates(planned)
    return ImportPlan(sheet, header_index + 1, shown, mapping, planned, _missing_orgs(planned), skipped)


def _is_totals_row(cells: list) -> bool:
    """A sheet's "Tổng cộng: 212 đảng viên" line: its first words (after a row number) say so."""
    # Only the first words are read, so only the first text is folded (reported: every cell of
    # every row was folded, 639,000 folds for 30,000 members, a fifth of the import).
    texts = (text_value(cell) for cell in cells)
    first = next((text for text in texts if text and not text.replace(".", "").isdigit()), None)
    if first is None:
        return False
    return _TOTALS.match(fold(first)) is not None


def _missing_orgs(rows: list[PlannedRow]) -> Counter:
    """The cells to create, each once however the file spells it ("CHI BỘ SỞ NỘI VỤ", "Chi bộ
    Sở Nội vụ", "Sở Nội vụ"): under the spelling a clerk would write — not all capitals, with
    "Chi bộ" — the first such one in the file."""
    counts: Counter = Counter()
    spellings: dict[tuple[str, str, str], list[MissingCell]] = {}
    keys: dict[MissingCell, tuple[str, str, str]] = {}  # a file names the same cells over and over
    for row in rows:
        # Only for rows that would be taken once their cell exists: a row refused for its own
        # values (found: a cell made for three rows that were all refused) waits for its fix.
        if row.org_missing and all(problem.kind for problem in row.problems):
            labels = MissingCell(row.parent_label, row.unit_label, row.org_label)
            key = keys.get(labels)
            if key is None:
                parent, unit = _bare(row.parent_label, "dang bo "), _bare(row.unit_label, "dang bo bo phan ")
                key = keys[labels] = (parent, unit, _bare(row.org_label, "chi bo "))
                spellings.setdefault(key, []).append(labels)
            counts[key] += 1
    missing: Counter = Counter()
    for key, seen in spellings.items():
        missing[min(seen, key=_spelling_rank)] = counts[key]
    return missing


def _bare(name: str, prefix: str) -> str:
    return fold(name).removeprefix(prefix).strip()


def _spelling_rank(labels: MissingCell) -> tuple[bool, bool]:
    return any(name.isupper() for name in labels), not fold(labels.cell).startswith("chi bo ")


@collector_paused()
def rematch_orgs(plan: ImportPlan) -> ImportPlan:
    """The plan again after organisations were created (create_missing_orgs): each row's cell
    matched anew and the duplicates marked anew — without reading and checking the file again,
    which is most of the time of a large import."""
    matcher = OrgMatcher()
    for row in plan.rows:
        if not row.org_label:
            continue
        row.problems = [problem for problem in row.problems if problem.kind != ORG]
        row.org_id, why = matcher.match(row.org_label, row.parent_label, row.unit_label)
        row.org_missing = row.org_id is None and is_missing(why)
        row.grassroots_id = matcher.grassroots(row.org_label) if why == GRASSROOTS_NAMED else None
        if row.org_id is None:
            row.problems.append(Problem(row.row, LABELS["org"], row.org_label, why, ORG))
    _mark_duplicates(plan.rows)
    plan.missing_orgs = _missing_orgs(plan.rows)
    return plan


def grassroots_named(plan: ImportPlan) -> dict[int, int]:
    """Đảng bộ cơ sở the file names where a cell belongs -> how many rows do so."""
    return dict(Counter(row.grassroots_id for row in plan.rows if row.grassroots_id is not None))


def place_in_cell(plan: ImportPlan, grassroots_id: int, cell_id: int) -> int:
    """The clerk's choice: every row that named this đảng bộ cơ sở goes to one of its cells.
    Returns how many rows were placed."""
    rows = [row for row in plan.rows if row.grassroots_id == grassroots_id]
    cell = next((row for row in org_rows() if row.id == cell_id and not row.dissolved), None)
    if cell is None or cell.parent_id != grassroots_id or cell.level not in v.CELLS:
        raise ValidationError("org", "Chọn một chi bộ trực thuộc đảng bộ cơ sở đó.")
    for row in rows:
        row.org_id, row.grassroots_id = cell_id, None
        row.problems = [problem for problem in row.problems if problem.kind != ORG]
    _mark_duplicates(plan.rows)
    return len(rows)
