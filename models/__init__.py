"""Data and domain rules of Đảng vụ. No Qt here: the UI, the command line and the reports
share it. One package per domain; docs/ARCHITECTURE.md is the map."""
