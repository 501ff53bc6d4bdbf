"""An error nobody foresaw in a command reaches the clerk as one Vietnamese line and the log
file, never as a Python traceback."""

from ui.commands.context import FAILED, run


def test_an_unforeseen_error_is_a_message_and_a_log_entry(tmp_path, capsys):
    def broken(_args, _db):
        raise RuntimeError("hỏng giữa chừng")

    log = tmp_path / "nhat-ky" / "dangvu.log"
    assert run(broken, object(), tmp_path / "x.db", log_path=log) == FAILED
    said = capsys.readouterr().err
    assert said.startswith("Lỗi không lường trước: hỏng giữa chừng.") and str(log) in said
    assert "Traceback" not in said
    assert "RuntimeError: hỏng giữa chừng" in log.read_text(encoding="utf-8")
