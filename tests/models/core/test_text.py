import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from models.core.text import clean, fold, name_sort_key


def test_fold_removes_accents_and_case_and_d_stroke():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("ĐẶNG THỊ ĐÀO") == "dang thi dao"


def test_fold_of_decomposed_text_equals_fold_of_composed():
    composed = "Trần Thị Ngọc Ánh"
    assert fold(unicodedata.normalize("NFD", composed)) == fold(composed)


def test_clean_normalises_to_nfc_and_collapses_spaces():
    decomposed = unicodedata.normalize("NFD", "  Lê\t  Thị   Hồng ")
    assert clean(decomposed) == "Lê Thị Hồng"
    assert unicodedata.is_normalized("NFC", clean(decomposed))
    assert clean("a\x00b\x07c") == "abc"


def test_names_sort_by_given_name_first():
    names = ["Nguyễn Văn Bình", "Trần Thị An", "Lê Văn Đức", "Phạm Văn Dũng", "Hoàng Văn An"]
    assert sorted(names, key=name_sort_key) == [
        "Hoàng Văn An", "Trần Thị An", "Nguyễn Văn Bình", "Phạm Văn Dũng", "Lê Văn Đức",
    ]


def test_vietnamese_alphabet_order_for_shaped_vowels():
    # a < ă < â, d < đ, o < ô < ơ, u < ư — not the order of the folded letters.
    assert sorted(["Lê Âu", "Lê Ăn", "Lê Anh"], key=name_sort_key) == ["Lê Anh", "Lê Ăn", "Lê Âu"]
    assert sorted(["Lê Đào", "Lê Dung"], key=name_sort_key) == ["Lê Dung", "Lê Đào"]
    assert sorted(["Lê Ưng", "Lê Uyên"], key=name_sort_key) == ["Lê Uyên", "Lê Ưng"]


def test_tones_only_break_ties():
    assert sorted(["Lê Á", "Lê A", "Lê Ả"], key=name_sort_key) == ["Lê A", "Lê Ả", "Lê Á"]
    assert name_sort_key("Lê Ánh") > name_sort_key("Lê An")


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệ ", max_size=30))
def test_fold_is_idempotent_and_ascii_for_vietnamese(text):
    folded = fold(text)
    assert fold(folded) == folded
    assert folded.isascii()


def _noncharacters():
    yield from range(0xFDD0, 0xFDF0)
    for plane in range(17):
        yield plane * 0x10000 + 0xFFFE
        yield plane * 0x10000 + 0xFFFF


def test_every_hidden_filler_and_noncharacter_is_dropped_from_what_is_stored():
    """Reported: U+FFFF or U+FFFE in a name was stored and every Word copy then failed; U+3164,
    U+115F, U+FFA0, U+2800, U+034F, U+FE0F and U+1160 survived the cleaning. Every code point of
    the list, and every noncharacter, between letters of a name and alone."""
    from models.core.text import HIDDEN_RANGES, clean, clean_multiline

    points = [point for low, high in HIDDEN_RANGES for point in range(low, high + 1)]
    points += list(_noncharacters()) + [0xD800, 0xDFFF]  # lone surrogates too
    for point in points:
        hidden = chr(point)
        assert clean(f"Nguyễn{hidden} Văn Đức{hidden}") == "Nguyễn Văn Đức", hex(point)
        assert clean_multiline(f"Tổ 5{hidden}\nphường Hồng Hải") == "Tổ 5\nphường Hồng Hải", hex(point)
        assert clean(hidden) == "", hex(point)
    assert clean("Đặng Thị Ỷ, Nguyễn Hữu Hoàng") == "Đặng Thị Ỷ, Nguyễn Hữu Hoàng"  # Vietnamese untouched


def test_a_name_with_a_noncharacter_prints_in_word(make_member, tmp_path):
    from docx import Document

    from models.members.record import get_member
    from reports.member_sheets import render_member_sheet

    member = make_member(full_name="Nguyễn\uffff Văn\ufffe Đức")
    assert get_member(member.id).full_name == "Nguyễn Văn Đức"
    from datetime import date

    path = render_member_sheet(tmp_path / "phieu.docx", member.id, date(2026, 3, 2))
    assert "Nguyễn Văn Đức" in " ".join(p.text for p in Document(str(path)).paragraphs)
