"""The bloc's reporting system (Hệ thống báo cáo công tác Đảng): what the office asks the
grassroots organisations to report, the workbooks out and back, who has sent what, and the
accepted figures the bloc's reports add up.

This is the package's public face: ui/, reports/ and main.py import from here only.
Each name is loaded from its module on first use (models/core/face.py)."""

from models.core.face import face

__getattr__, __dir__, __all__ = face(globals(), {
    "intake": ("NO_WORKBOOK", "IntakeLine", "IntakePlan", "apply_intake", "check_report", "gathered",
               "plan_intake", "report_copy"),
    "known": ("Difference", "differences", "known_figures"),
    "forms": ("FormLine", "checked_form", "is_standard", "office_form", "read_form_file", "reset_office_form",
              "save_office_form", "standard_form", "write_form_file"),
    "requests": ("DEFAULT_WORKING_DAYS", "addressees", "create_request", "default_title",
                 "delete_request", "form_of", "get_request", "period_of", "request_rows",
                 "working_days_between"),
    "status": ("LATE", "MISSING", "ON_TIME", "OVERDUE", "STANDING", "Answer", "Reminder", "ReturnLine",
               "StatusRow", "accepted_figures", "answers", "decide", "differences_of_return", "late_orgs",
               "reminders", "return_lines", "status_rows"),
    "vocab": ("ACCEPTED", "AD_HOC", "ADMITTED", "CHECKED", "COUNT", "DUES_COLLECTED", "DUES_REMITTED", "HALF",
              "HEADCOUNT", "KINDS", "LINE_KINDS", "MONEY", "MONTH", "PROBATIONARY", "QUARTER",
              "QUARTER_NAMES", "RECEIVED", "REGULAR_MEETINGS", "SENT_BACK", "STANDARD_FORM", "STATES", "TEXT",
              "YEAR"),
    "workbooks": ("ReturnFile", "export_request_workbooks", "read_return_workbook"),
})
