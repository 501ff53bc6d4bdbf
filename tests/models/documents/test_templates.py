"""The office's wording of its papers: versions, grounds by date, and limits on what is saved."""

import pytest

from models.core.errors import ValidationError


def test_a_huge_template_is_refused_at_once(db):
    """Reported: a 260 kB template (20,000 × {người nhận}) was accepted, and printing from it ran
    over 21 minutes."""
    import time

    from models.accounts import session
    from models.documents.templates import DEFAULTS, save_template, template_for

    session.set_current(session.LOCAL_ADMIN)
    wording = DEFAULTS["ket-nap"]
    started = time.monotonic()
    with pytest.raises(ValidationError) as refused:
        save_template("ket-nap", wording.grounds, "{người nhận} " * 20_000, wording.recipients)
    assert refused.value.field == "articles" and "dài quá 8.000 ký tự" in refused.value.message
    with pytest.raises(ValidationError) as refused:
        save_template("ket-nap", wording.grounds, "{người nhận}" * 61, wording.recipients)
    assert "quá 60 chỗ điền" in refused.value.message
    assert time.monotonic() - started < 5 and template_for("ket-nap") == wording
