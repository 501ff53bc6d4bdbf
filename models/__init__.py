"""Data and domain rules of Đảng vụ. No Qt here: the UI, the CLI and the reports share it."""
