"""The number a paper takes (DOMAIN §8): one number per act. A number the record already
carries in the register's form is the paper's; a decision whose record carries another is
refused; an introduction letter's number goes back into its transfer."""

from models.accounts.office import office_details
from models.core.errors import ValidationError
from models.documents.facts import COMMISSION, Paper
from models.documents.register import parse_number
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
