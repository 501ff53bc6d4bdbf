"""The sentences of movements and models in the office's wording (examples/002): "Chỉ đạo,
hướng dẫn và 100% cơ sở, 3/3 tổ chức chính trị - xã hội trực thuộc đăng ký, triển khai xây
dựng 55 mô hình, 39 công trình “Dân vận khéo làm theo lời Bác”, đến nay có 19 công trình và 05
mô hình đã hoàn thành với số tiền trị giá hơn 3,2 tỷ đồng." and those of replicated models,
cells chosen for focused leadership and pilot models."""

from datetime import date

from models.movements import CAMPAIGN, CONG_TRINH, CONTEST, FOCUS, MO_HINH, PILOT, REPLICATED, MovementFigures
from reports.numbers import integer, money, percent

ITEM_WORDS = {MO_HINH: "mô hình", CONG_TRINH: "công trình"}


def _campaign(m: MovementFigures) -> str:
    who = f"{percent(m.grassroots_registered, m.grassroots_total)} cơ sở"
    if m.social_total:
        who += f", {m.social_registered}/{m.social_total} tổ chức chính trị - xã hội trực thuộc"
    built = ", ".join(f"{integer(m.items[k], 2)} {ITEM_WORDS[k]}" for k in (MO_HINH, CONG_TRINH)
                      if m.items[k])
    if not built:
        return f"Chỉ đạo, hướng dẫn và {who} đăng ký thực hiện “{m.name}”."
    text = f"Chỉ đạo, hướng dẫn và {who} đăng ký, triển khai xây dựng {built} “{m.name}”"
    done = " và ".join(f"{integer(m.completed[k], 2)} {ITEM_WORDS[k]}" for k in (CONG_TRINH, MO_HINH)
                       if m.completed[k])
    if done:
        text += f", đến nay có {done} đã hoàn thành"
        if m.completed_value:
            text += f" với số tiền trị giá {money(m.completed_value)}"
    return text + "."


def _replicated(m: MovementFigures, start: date, end: date) -> str:
    lead = "Tiếp tục chỉ đạo triển khai" if m.start_date < start else "Chỉ đạo triển khai"
    return (f"{lead}, hướng dẫn xây dựng {integer(m.new_in_year, 2)} mô hình {m.name} năm {end.year}, "
            f"nâng số {m.item_noun} lên {integer(m.cumulative)} {m.item_unit}.")


def _focus(m: MovementFigures) -> str:
    text = (f"Lựa chọn {integer(m.cells_registered)} chi bộ để tập trung lãnh đạo, nâng cao năng lực lãnh "
            "đạo, sức chiến đấu của tổ chức đảng và đảng viên trong toàn đảng bộ")
    if m.every_base_has_a_cell:
        text += (", trong đó mỗi đảng bộ cơ sở lựa chọn ít nhất 01 chi bộ trực thuộc để tập trung lãnh đạo, "
                 "chỉ đạo")
    return text + "."


def movement_sentences(figures: list[MovementFigures], start: date, end: date,
                       kinds: tuple[str, ...] = (REPLICATED, FOCUS, PILOT, CONTEST)) -> str:
    """The sentences of the period's movements of these kinds, in the order they began."""
    sentences = []
    for m in figures:
        if m.kind not in kinds:
            continue
        if m.kind == CAMPAIGN:
            sentences.append(_campaign(m))
        elif m.kind == REPLICATED and m.new_in_year:
            sentences.append(_replicated(m, start, end))
        elif m.kind == FOCUS and m.cells_registered:
            sentences.append(_focus(m))
        elif m.kind == PILOT:
            sentences.append(f"Phát động thí điểm xây dựng “{m.name}” trong toàn Đảng bộ, kết quả có "
                             f"{integer(m.cells_registered)} chi bộ đăng ký thực hiện.")
        elif m.kind == CONTEST:
            sentences.append(f"Chỉ đạo tổ chức {m.name}.")
    return " ".join(sentences)


def campaign_sentences(figures: list[MovementFigures], start: date, end: date) -> str:
    return movement_sentences(figures, start, end, kinds=(CAMPAIGN,))
