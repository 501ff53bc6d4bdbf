"""What the office prints from the awards page: the award decision of a batch of awards and
its certificates, and the proposal of an occasion's Party badges to the provincial committee."""

from datetime import date

from PySide6.QtWidgets import QWidget

from models.documents import award_paper, badge_paper
from reports.certificates import render_certificates
from ui.widgets.buttons import inform
from ui.widgets.paper_dialog import PaperDialog


def print_award_decision(parent: QWidget, award_id: int | None) -> PaperDialog | None:
    if award_id is None:
        inform(parent, "Quyết định khen thưởng", "Chọn một khen thưởng của đợt trong danh sách trước: quyết "
                                                 "định gồm mọi khen thưởng cùng đợt, cùng ngày.")
        return None
    dialog = PaperDialog("In quyết định khen thưởng", f"quyet-dinh-khen-thuong-{award_id}", parent,
                         make_paper=lambda: award_paper(award_id), source=f"khen-thuong:{award_id}")
    dialog.show()
    return dialog


def print_certificates(parent: QWidget, award_id: int | None) -> PaperDialog | None:
    if award_id is None:
        inform(parent, "Giấy khen", "Chọn một khen thưởng của đợt trong danh sách trước.")
        return None
    dialog = PaperDialog("In giấy khen (A4 ngang, giấy in sẵn)", f"giay-khen-{award_id}", parent,
                         write_sheet=lambda target, _on: render_certificates(target, award_id))
    dialog.show()
    return dialog


def print_badge_proposal(parent: QWidget, occasion: date | None) -> PaperDialog | None:
    if occasion is None:
        inform(parent, "Tờ trình Huy hiệu Đảng", "Chọn đợt trao tặng trước.")
        return None
    dialog = PaperDialog(f"In tờ trình Huy hiệu Đảng đợt {occasion:%d/%m/%Y}",
                         f"to-trinh-huy-hieu-{occasion:%Y-%m-%d}", parent,
                         make_paper=lambda: badge_paper(occasion), source=f"huy-hieu:{occasion.isoformat()}")
    dialog.show()
    return dialog
