"""The outline of the conference reports (DOMAIN §9) as a draft: sections in order, some
written from the records (computed), the others left for the clerk's own words."""

from dataclasses import dataclass, field, replace

from models.movements import CONTEST, FOCUS, PILOT, REPLICATED
from reports.figures import PeriodFigures
from reports.meeting_words import meeting_paragraph
from reports.movement_words import campaign_sentences, movement_sentences
from reports.paragraphs import (
    admission_paragraph,
    award_paragraph,
    badge_paragraph,
    inspection_paragraph,
    movement_paragraph,
    organisation_paragraph,
    rating_paragraph,
    residence_paragraph,
)
from reports.returns_words import grassroots_paragraph
from reports.target_words import target_sentence
from reports.workplan_words import programme_sentence

YEAR_END, HALF_YEAR = "year-end", "half-year"
KINDS = {YEAR_END: "Báo cáo tổng kết năm", HALF_YEAR: "Báo cáo sơ kết 6 tháng đầu năm"}
# File names a clerk reads in a folder: Vietnamese without accents (Windows and e-mail keep them).
FILE_STEMS = {YEAR_END: "bao-cao-tong-ket", HALF_YEAR: "bao-cao-so-ket-6-thang"}


def report_file_name(kind: str, year: int, draft: bool, suffix: str = ".pdf") -> str:
    """"bao-cao-tong-ket-2025.pdf", "bao-cao-so-ket-6-thang-2025-du-thao.pdf"."""
    return f"{FILE_STEMS[kind]}-{year}{'-du-thao' if draft else ''}{suffix}"


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    level: int  # 0 part title (centred), 1 roman numeral, 2 arabic numeral, 3 paragraph only
    computed: bool = False
    text: str = ""


@dataclass(frozen=True)
class Draft:
    kind: str
    year: int
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def subject(self) -> str:
        if self.kind == YEAR_END:
            return (f"Tổng kết công tác xây dựng Đảng năm {self.year}, phương hướng, "
                    f"nhiệm vụ năm {self.year + 1}")
        return (f"Sơ kết công tác 6 tháng đầu năm {self.year}, phương hướng, nhiệm vụ 6 tháng cuối năm "
                f"{self.year}")


def _period_words(figures: PeriodFigures) -> str:
    year = figures.end.year
    return f"năm {year}" if figures.end.month == 12 else f"6 tháng đầu năm {year}"


COMPUTERS = {
    "orgs": organisation_paragraph,
    "movement": movement_paragraph,
    "admissions": admission_paragraph,
    "inspections": inspection_paragraph,
    "ratings": rating_paragraph,
    "badges": badge_paragraph,
    "meetings": lambda figures: meeting_paragraph(figures.meetings),
    "awards": award_paragraph,
    "residence": residence_paragraph,
    "programme": lambda figures: programme_sentence(figures.work, _period_words(figures), figures.end.year)
    if figures.work else "",
    "rooms": lambda figures: movement_sentences(figures.movements, figures.start, figures.end,
                                                kinds=(REPLICATED,)),
    "movements": lambda figures: movement_sentences(figures.movements, figures.start, figures.end,
                                                    kinds=(FOCUS, PILOT, CONTEST)),
    "campaigns": lambda figures: campaign_sentences(figures.movements, figures.start, figures.end),
    "targets": lambda figures: target_sentence(figures.targets, figures.end.year),
    "grassroots": grassroots_paragraph,
}


def _skeleton(kind: str, year: int) -> list[Section]:
    period = f"năm {year}" if kind == YEAR_END else f"6 tháng đầu năm {year}"
    ahead = f"năm {year + 1}" if kind == YEAR_END else f"6 tháng cuối năm {year}"
    return [
        Section("part1", "PHẦN THỨ NHẤT", 0),
        Section("part1_title", f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ {period.upper()}", 0),
        Section("leadership", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO; ĐỔI MỚI PHƯƠNG THỨC LÃNH ĐẠO", 1),
        Section("programme", "", 3, computed=True),
        Section("building", "II. CÔNG TÁC XÂY DỰNG ĐẢNG", 1),
        Section("politics", "1. Công tác chính trị, tư tưởng", 2),
        # The traditional and propaganda rooms are ideological work (reported under organisation).
        Section("rooms", "", 3, computed=True),
        Section("organisation", "2. Công tác tổ chức xây dựng đảng", 2),
        Section("orgs", "", 3, computed=True),
        Section("meetings", "", 3, computed=True),
        Section("movement", "", 3, computed=True),
        Section("admissions", "", 3, computed=True),
        Section("ratings", "", 3, computed=True),
        Section("residence", "", 3, computed=True),
        Section("badges", "", 3, computed=True),
        Section("movements", "", 3, computed=True),
        Section("grassroots", "", 3, computed=True),
        Section("organisation_more", "", 3),
        Section("inspection", "3. Công tác kiểm tra, giám sát, kỷ luật đảng", 2),
        Section("inspections", "", 3, computed=True),
        Section("mass", "4. Công tác dân vận", 2),
        Section("campaigns", "", 3, computed=True),
        Section("internal", "5. Công tác nội chính, phòng, chống tham nhũng, tiêu cực", 2),
        Section("unions", "III. LÃNH ĐẠO CÁC TỔ CHỨC CHÍNH TRỊ - XÃ HỘI", 1),
        Section("emulation", "IV. CÔNG TÁC THI ĐUA, KHEN THƯỞNG", 1),
        Section("awards", "", 3, computed=True),
        Section("assessment", "V. ĐÁNH GIÁ CHUNG", 1),
        Section("targets", "", 3, computed=True),
        Section("part2", "PHẦN THỨ HAI", 0),
        Section("part2_title", f"PHƯƠNG HƯỚNG, NHIỆM VỤ {ahead.upper()}", 0),
        Section("direction", "", 3),
    ]


def fresh_draft(kind: str, year: int, figures: PeriodFigures) -> Draft:
    return regenerate(Draft(kind, year, tuple(_skeleton(kind, year))), figures)


def regenerate(draft: Draft, figures: PeriodFigures) -> Draft:
    """Write the computed sections again from the records; the clerk's sections are kept, and
    computed sections added to the outline since the draft was saved are put in place."""
    saved = {section.key: section for section in draft.sections}
    sections = []
    for section in _skeleton(draft.kind, draft.year):
        if section.computed:
            sections.append(replace(section, text=COMPUTERS[section.key](figures)))
        else:
            sections.append(saved.get(section.key, section))
    return replace(draft, sections=tuple(sections))


def to_records(draft: Draft) -> list[dict]:
    return [{"key": s.key, "heading": s.heading, "level": s.level, "computed": s.computed, "text": s.text}
            for s in draft.sections]


def from_records(kind: str, year: int, records: list[dict]) -> Draft:
    return Draft(kind, year, tuple(Section(r["key"], r["heading"], r["level"], r["computed"], r["text"])
                                   for r in records))


def unwritten_headings(draft: Draft) -> list[str]:
    """The headings that would print with nothing under them: a section left for the office to
    write and still empty, with no computed paragraph below it either. A part's number
    ("PHẦN THỨ HAI") goes with the title after it and is not named apart."""
    sections, found = draft.sections, []
    for position, section in enumerate(sections):
        if not section.heading or section.text.strip():
            continue
        following = sections[position + 1:]
        if section.level == 0 and following and following[0].level == 0:
            continue
        below = []
        for later in following:
            if later.heading and later.level <= section.level:
                break
            below.append(later.text.strip())
        if not any(below):
            found.append(section.heading)
    return found
