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
