"""The words of the work programme (DOMAIN §10)."""

from models.core.codes import as_codes

BODIES = {"BCH_DUK": "Ban Chấp hành Đảng bộ Khối", "BTV_DUK": "Ban Thường vụ Đảng ủy Khối",
          "THUONG_TRUC": "Thường trực Đảng ủy Khối"}
ITEM, KEY_TASK, SCHEME, RESOLUTION = "ITEM", "KEY_TASK", "SCHEME", "RESOLUTION"
KINDS = {ITEM: "Nội dung chương trình công tác", KEY_TASK: "Nhóm nhiệm vụ trọng tâm", SCHEME: "Đề án",
         RESOLUTION: "Nghị quyết chuyên đề"}
PLANNED, DONE, POSTPONED = "PLANNED", "DONE", "POSTPONED"
STATUSES = {PLANNED: "Chưa thực hiện", DONE: "Đã thực hiện", POSTPONED: "Lùi, chuyển kỳ sau"}

as_codes(globals())
