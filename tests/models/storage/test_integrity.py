"""`check`'s domain checks find what the program would never write, named plainly."""

from models.accounts.tables import AuditEntry
from models.core import vocab as v
from models.members.tables import Member, MemberEvent
from models.ratings.grid import set_totals
from models.ratings.tables import RatingTotals
from models.storage.integrity import all_problems


def test_a_clean_database_has_no_problems(bloc_tree, make_member):
    make_member()
    assert all_problems() == []


def test_rows_changed_behind_the_programs_back_are_found(bloc_tree, make_member):
    lost = make_member(full_name="Đỗ Văn Lạc")
    Member.update(org=None).where(Member.id == lost.id).execute()
    odd = make_member(full_name="Hà Thị Lệch", sex="F")
    MemberEvent.update(kind=v.RECOGNISED).where(MemberEvent.member == odd.id).execute()
    set_totals(2023, bloc_tree["small"].id, {"total_members": 10, "rated": 9, "excellent": 1, "good": 6,
                                              "adequate": 2, "failed": 0, "not_rated": 1})
    RatingTotals.update(good=7).execute()
    problems = all_problems()
    assert "Đỗ Văn Lạc: đang trong danh sách nhưng không thuộc tổ chức nào." in problems
    assert any(p.startswith("Hà Thị Lệch: quá trình biến động không hợp lệ") for p in problems)
    assert "Năm 2023, Chi bộ Sở Tư pháp: các mức cộng lại 16, khác số được đánh giá 9." not in problems
    assert any("các mức cộng lại 10, khác số được đánh giá 9" in p for p in problems)
    assert Member.get(Member.id == lost.id).org_id is None  # the checks read, never write


def test_an_edited_audit_entry_is_found(bloc_tree):
    AuditEntry.update(username="nguoi-khac").where(AuditEntry.id == 1).execute()
    assert any(p.startswith("Nhật ký thay đổi đã bị sửa ngoài phần mềm") for p in all_problems())
