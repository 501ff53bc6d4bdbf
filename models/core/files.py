"""Files the program writes for the clerk (PDF, Excel, CSV) are written beside the target under
a temporary name and put in place only when complete: a failed or stopped write leaves the
old file as it was and no half-written one."""

import os
from collections.abc import Callable
from pathlib import Path

from models.core.errors import ValidationError, os_reason


def write_in_place(target: Path, write: Callable[[Path], object]) -> object:
    """`write(partial)` writes the whole file at `partial`; it then replaces `target`. A refusal
    of the system becomes a Vietnamese message; any other error (a stop asked by the clerk)
    passes through, the partial file removed either way. Returns what `write` returned."""
    target = Path(target)
    partial = target.with_name(f"{target.stem}.dang-ghi{target.suffix}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        result = write(partial)
        os.replace(partial, target)
        return result
    except OSError as error:
        raise ValidationError("file", unwritable(target, error)) from None
    finally:
        partial.unlink(missing_ok=True)


def unwritable(target: Path, error: OSError) -> str:
    if isinstance(error, PermissionError):
        return (f"Không ghi được {target.name}: tệp đang mở ở chương trình khác (Excel, trình xem PDF, "
                "Word) hoặc thư mục không cho ghi. Hãy đóng tệp hoặc chọn tên khác.")
    return f"Không ghi được {target}: {os_reason(error)}."
