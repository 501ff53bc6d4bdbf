"""The number and the day a paper takes (DOMAIN §8): one number and one day per act. A number
the record already carries in the register's form is the paper's; a decision whose record
carries another is refused; an introduction letter's number goes back into its transfer. A
decision's day typed on its record is the paper's day, and the register's."""

from datetime import date

from models.accounts.office import office_details
from models.admissions.steps import correct_step, record_step
from models.admissions.tables import AdmissionCase
from models.awards.tables import Award
from models.core import clock
from models.core.dates import fmt_date, stored_date
from models.core.db import database
from models.core.errors import ValidationError
from models.core.text import clean
from models.documents.about import documents_about
from models.documents.facts import COMMISSION, Paper
from models.documents.register import parse_number
from models.inspections.tables import Discipline
from models.members.events import set_letter_number


def issuer_code(paper: Paper) -> str:
    return COMMISSION if paper.issuer == COMMISSION else office_details().code


def own_number(paper: Paper) -> int | None:
    """One number per act (reported: the admission step took “20-QĐ/ĐUK”, the decision printed
    “Số 01-QĐ/ĐUK”): a number the record carries in this paper's form is the paper's number;
    none, and the register gives the next. A decision whose record carries another number is
    refused, never renumbered silently; a transfer's own decision number stays on the transfer
    and its letter takes a number of its own."""
    typed = sorted({number.strip() for number in paper.typed_numbers if number and number.strip()})
    if not typed:
        return None
    if len(typed) > 1:
        raise ValidationError("number", f"Các hồ sơ ghi những số quyết định khác nhau ({', '.join(typed)}): "
                                        "một quyết định có một số; sửa cho giống nhau rồi in lại.")
    parsed = parse_number(typed[0])
    code = issuer_code(paper)
    if parsed is not None and parsed[1] == paper.type_code and parsed[2] == code:
        return parsed[0]
    if paper.kind == "gioi-thieu":
        return None
    form = f"05-{paper.type_code}/{code}"
    raise ValidationError("number", f"Hồ sơ ghi số “{typed[0]}”, không phải một số {paper.type_code} "
                                    f"của {code} (dạng {form}): sửa số trên hồ sơ cho đúng số của văn bản "
                                    "này, hoặc xóa đi để lấy số mới, rồi in lại.")


def written_back(paper: Paper):
    """What issuing the paper writes into its record, in the issue's transaction: an
    introduction letter's number goes into the transfer it was issued for, unless the transfer
    already carries another number (its own decision's), which is kept. None for the rest."""
    if paper.kind != "gioi-thieu" or (any(paper.typed_numbers) and own_number(paper) is None):
        return None
    event_id = int(paper.source.split(":")[1])
    code = issuer_code(paper)
    return lambda document: set_letter_number(event_id, f"{document.number:02d}-{paper.type_code}/{code}")


# Where each kind of decision keeps the day it was signed, by the paper's source ("ket-nap:3,4").
_ACT_DAYS = {"ket-nap": AdmissionCase.decision_date, "chinh-thuc": AdmissionCase.full_decision_date,
             "ky-luat": Discipline.decision_date, "khen-thuong": Award.decision_date}


# Where a day typed wrong on the record is put right, said with the refusal of another day.
CORRECTED_IN = {"ket-nap": "; ngày ghi nhầm thì sửa ở Kết nạp đảng viên › Sửa bước vừa ghi",
                "chinh-thuc": "; ngày ghi nhầm thì sửa ở Kết nạp đảng viên › Sửa bước vừa ghi",
                "khen-thuong": "; ngày ghi nhầm thì sửa khen thưởng đó ở trang Khen thưởng"}


def act_day(source: str) -> date | None:
    """The day the records behind a paper give its act, None when they give none (a letter, a
    proposal, a decision not yet entered). Records of one decision giving two days are refused."""
    kind, _, ids = source.partition(":")
    column = _ACT_DAYS.get(kind)
    if column is None:
        return None
    numbers = [int(part) for part in ids.split(",") if part.strip().isdigit()]
    rows = column.model.select(column).where(column.model.id.in_(numbers)).tuples()
    days = sorted({stored_date(day) for (day,) in rows if day})
    if len(days) > 1:
        raise ValidationError("on", f"Các hồ sơ ghi những ngày quyết định khác nhau "
                                    f"({', '.join(fmt_date(day) for day in days)}): một quyết định có một "
                                    "ngày; sửa cho giống nhau rồi in lại.")
    return days[0] if days else None


def paper_day(paper: Paper, chosen: date | None) -> date:
    """The day a paper is dated (found: a case decided 08/04/2024 as 20-QĐ/ĐUK, printed months
    later, was dated and registered on the day it was printed): the day its records give the
    act; another day asked for is refused, naming the record's. Without one, the day chosen,
    else today."""
    recorded = act_day(paper.source)
    if recorded is None:
        issued_on = chosen or clock.today()
        if paper.dated_within and not paper.dated_within[0] <= issued_on <= paper.dated_within[1]:
            first, last = paper.dated_within
            raise ValidationError("on", f"{paper.register_title} mang ngày từ {fmt_date(first)} đến "
                                        f"{fmt_date(last)}; ngày {fmt_date(issued_on)} ở ngoài khoảng đó.")
        return issued_on
    if chosen is not None and chosen != recorded:
        where = CORRECTED_IN.get(paper.source.partition(":")[0], "")
        raise ValidationError("on", f"Hồ sơ ghi ngày quyết định {fmt_date(recorded)}: văn bản mang ngày đó. "
                                    f"In với ngày {fmt_date(recorded)}{where}.")
    return recorded


# The admission steps whose decision the bloc may print and number from the case before the step
# is entered: (the paper's kind, the step's number field, its day field).
DECIDED_STEPS = {"decision": ("ket-nap", "decision_no", "decision_date"),
                 "full": ("chinh-thuc", "full_decision_no", "full_decision_date")}


def issued_decision(step: str, case_id: int) -> tuple[str, date] | None:
    """("01-QĐ/ĐUK", its day) of the decision already issued from the case for this step."""
    if step not in DECIDED_STEPS:
        return None
    for number, type_code, issued_on, _title, _file in documents_about(DECIDED_STEPS[step][0], case_id):
        if type_code == "QĐ":
            return f"{number:02d}-QĐ/{office_details().code}", stored_date(issued_on)
    return None


def record_step_as_issued(case_id: int, step: str, values: dict, correcting: bool = False):
    """The case's next step (admissions' record_step), or its latest corrected (correct_step),
    which takes the number and the day of a decision already issued from the case (found: a
    decision issued as 01-QĐ/ĐUK on 10/04/2024 before its step was entered, which then took any
    other number and day)."""
    with database.atomic():
        issued = issued_decision(step, case_id)
        if issued is not None:
            _kind, number_field, day_field = DECIDED_STEPS[step]
            typed = parse_number(clean(values.get(number_field) or ""))
            if typed != parse_number(issued[0]) or values.get(day_field) != issued[1]:
                raise ValidationError(number_field, f"Quyết định này đã ban hành số {issued[0]} ngày "
                                                    f"{fmt_date(issued[1])} (sổ văn bản đi): ghi đúng số và "
                                                    "ngày đó.")
        return (correct_step if correcting else record_step)(case_id, step, values)
