"""The command line's grammar: every subcommand and option, with Vietnamese help."""

import argparse

from ui.commands.arguments import paper_file, workbook_file, year_number

APP_NAME = "Đảng vụ"


def _acting_user(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", dest="acting_user", help="thực hiện với tư cách tài khoản này")


PAPER_HELP = "tệp .pdf hoặc .docx (Word) sẽ ghi"
DB_HELP = "tệp cơ sở dữ liệu, hoặc máy chủ: postgresql://tai-khoan@may-chu:5432/dangvu"


def _db(parser: argparse.ArgumentParser, text: str = DB_HELP) -> None:
    parser.add_argument("--db", dest="sub_db", help=text)


def _year(parser: argparse.ArgumentParser, text: str, required: bool = True) -> None:
    parser.add_argument("--year", type=year_number, required=required, metavar="NĂM", help=text)


def build_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="main.py", description=f"{APP_NAME}: hồ sơ đảng viên và báo cáo.")
    top.add_argument("--db", help=f"{DB_HELP} (mặc định: tệp trong thư mục dữ liệu của người dùng, hoặc "
                                  "biến môi trường DANGVU_DB)")
    sub = top.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="tạo cơ sở dữ liệu mẫu")
    _db(demo, "tệp cơ sở dữ liệu sẽ tạo")
    demo.add_argument("--orgs", type=int, default=75, help="số tổ chức cơ sở đảng, 1–1000 (mặc định 75)")
    demo.add_argument("--members", type=int, default=2700, help="số đảng viên, 10–150.000 (mặc định 2700)")
    demo.add_argument("--seed", type=int, default=2026, help="hạt giống ngẫu nhiên")
    demo.add_argument("--today", metavar="DD/MM/YYYY",
                      help="tạo khối như vào ngày này (để tập huấn; mặc định: hôm nay)")
    demo.add_argument("--force", action="store_true", help="ghi đè tệp đã có")
    demo.add_argument("--if-missing", action="store_true",
                      help="nếu tệp đã có thì giữ nguyên và không làm gì (dùng cho lần chạy đầu)")
    _acting_user(demo)

    user = sub.add_parser("user", help="quản lý tài khoản người dùng")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    add = user_sub.add_parser("add", help="thêm tài khoản")
    add.add_argument("username", metavar="TÊN_ĐĂNG_NHẬP", help="tên đăng nhập của tài khoản mới")
    add.add_argument("--name", required=True, help="họ và tên người dùng")
    add.add_argument("--role", required=True, choices=["ADMIN", "CLERK", "VIEWER"],
                     help="vai trò: ADMIN quản trị, CLERK chuyên viên, VIEWER chỉ xem")
    _db(add)
    _acting_user(add)

    login = sub.add_parser("login", help="mở phiên làm việc: các lệnh sau với cùng --user không hỏi lại mật "
                                         "khẩu đến hết phiên")
    login.add_argument("--hours", type=int, help="phiên dài bao nhiêu giờ (mặc định 8, tối đa 12)")
    logout = sub.add_parser("logout", help="kết thúc phiên làm việc")
    for parser in (login, logout):
        _db(parser)
        _acting_user(parser)

    report = sub.add_parser("report", help="in báo cáo tổng kết năm hoặc sơ kết 6 tháng ra PDF")
    report.add_argument("kind", choices=["year-end", "half-year"],
                        help="year-end: tổng kết năm; half-year: sơ kết 6 tháng")
    _year(report, "năm của báo cáo")
    _db(report)
    report.add_argument("-o", "--output", required=True, type=paper_file, help=PAPER_HELP)
    report.add_argument("--date", help="ngày ban hành dd/mm/yyyy (mặc định: hôm nay)")
    report.add_argument("--issue", action="store_true",
                        help="lấy số văn bản từ sổ văn bản đi (mặc định: bản dự thảo, để trống số)")
    report.add_argument("--org-table", action="store_true",
                        help="phụ lục có thêm bảng kết quả xếp loại từng tổ chức cơ sở đảng")
    _acting_user(report)

    minutes = sub.add_parser("minutes", help="in biên bản một cuộc họp ra PDF")
    minutes.add_argument("meeting_id", type=int, help="mã cuộc họp")
    _db(minutes)
    minutes.add_argument("-o", "--output", required=True, type=paper_file, help=PAPER_HELP)
    _acting_user(minutes)

    document = sub.add_parser("document", help="in văn bản từ hồ sơ: quyết định, giấy giới thiệu, tờ trình, "
                                                  "giấy khen, phiếu đảng viên, trích ngang (PDF hoặc .docx)")
    document.add_argument("kind", choices=["ket-nap", "chinh-thuc", "gioi-thieu", "ky-luat", "khen-thuong",
                                           "giay-khen", "huy-hieu", "phieu-dang-vien", "trich-ngang"],
                          help="loại văn bản")
    document.add_argument("--for", dest="record", required=True,
                          help="số hồ sơ như chương trình hiển thị (hồ sơ kết nạp, biến động, kỷ luật, khen "
                               "thưởng, đảng viên); nhiều hồ sơ cách nhau bằng dấu phẩy; huy-hieu: ngày của "
                               "đợt (dd/mm/yyyy)")
    _db(document)
    document.add_argument("-o", "--output", required=True, type=paper_file, help=PAPER_HELP)
    document.add_argument("--date", help="ngày ban hành dd/mm/yyyy (mặc định: ngày quyết định ghi trên hồ "
                                         "sơ, không có thì hôm nay)")
    document.add_argument("--issue", action="store_true",
                          help="lấy số từ sổ văn bản đi (mặc định: bản dự thảo, để trống số)")
    _acting_user(document)

    check = sub.add_parser("check", help="kiểm tra tệp dữ liệu, hồ sơ và nhật ký thay đổi")
    _db(check)

    backup = sub.add_parser("backup", help="sao lưu dữ liệu ra một tệp (được cả khi chương trình đang mở)")
    _db(backup)
    backup.add_argument("-o", "--output", required=True, help="tệp sao lưu sẽ ghi")
    _acting_user(backup)

    restore = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu")
    restore.add_argument("source", help="tệp sao lưu")
    _db(restore)
    restore.add_argument("--keep", help="thư mục giữ tệp dữ liệu đang dùng (mặc định: cạnh tệp dữ liệu)")
    restore.add_argument("--accept-broken-trail", action="store_true",
                         help="vẫn khôi phục bản sao lưu không qua được phép kiểm tra (việc này được ghi "
                              "vào nhật ký của dữ liệu khôi phục)")
    _acting_user(restore)

    transfer = sub.add_parser("transfer",
                              help="chuyển toàn bộ dữ liệu và nhật ký giữa tệp và máy chủ dữ liệu")
    transfer.add_argument("--from", dest="source", required=True,
                          help="nơi chuyển đi: tệp .db hoặc postgresql://…")
    transfer.add_argument("--to", dest="target", required=True,
                          help="nơi chuyển đến, chưa có dữ liệu: postgresql://… hoặc tệp .db mới")
    transfer.add_argument("--accept-broken-trail", action="store_true",
                          help="vẫn chuyển dữ liệu không qua được phép kiểm tra (việc này được ghi vào "
                               "nhật ký nơi mới)")
    _acting_user(transfer)

    station = sub.add_parser("workstation", help="sổ máy trạm: khóa ký nhật ký của các máy trong cơ quan")
    station.add_argument("action", choices=["show", "register"],
                         help="show: xem khóa của máy này và sổ máy trạm; register: đăng ký một máy")
    station.add_argument("key_id", nargs="?",
                         help="mã khóa của máy trạm cần đăng ký (lệnh show in ra trên máy đó)")
    station.add_argument("--this", action="store_true", help="đăng ký chính máy này (tạo khóa nếu chưa có)")
    station.add_argument("--name", default="", help="tên máy trạm, ví dụ “Máy Văn phòng 2”")
    _db(station)
    _acting_user(station)

    importer = sub.add_parser("import", help="nhập danh sách đảng viên từ bảng tính Excel (.xlsx) hoặc "
                                             "LibreOffice (.ods)")
    importer.add_argument("what", choices=["members"], help="members: danh sách đảng viên")
    importer.add_argument("source", help="tệp bảng tính")
    _db(importer)
    importer.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    importer.add_argument("--cards", choices=["skip", "update"], default="skip",
                          help="dòng trùng số thẻ, số lý lịch hoặc CCCD với hồ sơ đã có: bỏ qua hoặc "
                               "cập nhật")
    importer.add_argument("--same-person", choices=["skip", "add"], default="skip",
                          help="dòng cùng họ tên và ngày sinh với hồ sơ đã có: bỏ qua hoặc vẫn thêm")
    importer.add_argument("--create-orgs", action="store_true",
                          help="tạo các chi bộ (và đảng bộ cơ sở) có trong tệp mà cây tổ chức chưa có")
    importer.add_argument("--errors", metavar="TỆP.xlsx",
                          help="ghi mọi lỗi của tệp (dòng, cột, giá trị, lý do) ra Excel")
    _acting_user(importer)

    exporter = sub.add_parser("export", help="xuất danh sách đảng viên ra Excel (.xlsx)")
    exporter.add_argument("what", choices=["members"], help="members: danh sách đảng viên")
    _db(exporter)
    exporter.add_argument("-o", "--output", required=True, type=workbook_file,
                          help="tệp Excel (.xlsx) sẽ ghi")
    _acting_user(exporter)

    ratings = sub.add_parser("ratings", help="trao đổi mẫu xếp loại đảng viên với các tổ chức cơ sở đảng")
    ratings.add_argument("action", choices=["export", "import"],
                         help="export: ghi mẫu cho các tổ chức; import: nhận mẫu đã điền")
    ratings.add_argument("files", nargs="*", help="các tệp mẫu đã điền (khi nhập)")
    _year(ratings, "năm xếp loại")
    _db(ratings)
    ratings.add_argument("-o", "--output", help="thư mục ghi các mẫu (khi xuất)")
    ratings.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    _acting_user(ratings)
    _returns(sub)
    _dues(sub)
    _name_values(top)
    return top


# What `--help` calls each value a command takes; argparse would show the Python name (SUB_DB,
# ACTING_USER), which tells a clerk nothing.
VALUE_NAMES = {
    "db": "DỮ_LIỆU", "sub_db": "DỮ_LIỆU", "acting_user": "TÀI_KHOẢN", "orgs": "SỐ", "members": "SỐ",
    "seed": "SỐ", "name": "TÊN", "hours": "GIỜ", "output": "TỆP", "date": "DD/MM/YYYY",
    "meeting_id": "MÃ_CUỘC_HỌP", "record": "SỐ_HỒ_SƠ", "source": "NGUỒN", "keep": "THƯ_MỤC",
    "target": "ĐÍCH", "key_id": "MÃ_KHÓA", "errors": "TỆP.xlsx", "files": "TỆP", "period": "SỐ",
    "title": "TÊN", "days": "SỐ_NGÀY", "request_id": "MÃ_YÊU_CẦU", "paths": "TỆP_HOẶC_THƯ_MỤC",
    "report": "TỆP", "org_id": "MÃ_TỔ_CHỨC", "note": "GHI_CHÚ", "kept": "PHẦN_TRĂM",
    "bloc_kept": "PHẦN_TRĂM", "rate": "MỨC", "collected": "SỐ_TIỀN", "remitted": "SỐ_TIỀN",
}


def _name_values(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                _name_values(child)
        elif action.nargs != 0 and not action.choices and action.metavar is None:
            action.metavar = VALUE_NAMES.get(action.dest)


def _returns(sub) -> None:
    returns = sub.add_parser("returns", help="hệ thống báo cáo: yêu cầu, gửi mẫu, nhận báo cáo "
                                                "của tổ chức cơ sở")
    actions = returns.add_subparsers(dest="returns_command", required=True)
    request = actions.add_parser("request", help="tạo yêu cầu báo cáo gửi các tổ chức cơ sở đảng")
    request.add_argument("--kind", required=True, choices=["month", "quarter", "half-year", "year", "ad-hoc"],
                         help="tháng, quý, 6 tháng, năm hoặc đột xuất")
    _year(request, "năm của kỳ báo cáo")
    request.add_argument("--period", type=int, default=0, help="tháng (1–12) hoặc quý (1–4)")
    request.add_argument("--title", default="", help="tên báo cáo (bắt buộc với báo cáo đột xuất)")
    request.add_argument("--start", metavar="DD/MM/YYYY", help="đầu kỳ (báo cáo đột xuất)")
    request.add_argument("--end", metavar="DD/MM/YYYY", help="cuối kỳ (báo cáo đột xuất)")
    request.add_argument("--date", metavar="DD/MM/YYYY", help="ngày gửi yêu cầu (mặc định: hôm nay)")
    request.add_argument("--due", metavar="DD/MM/YYYY", help="hạn gửi")
    request.add_argument("--days", type=int, help="hoặc: hạn gửi sau cuối kỳ bao nhiêu ngày làm "
                                                           "việc (mặc định 5)")
    listing = actions.add_parser("list", help="các yêu cầu báo cáo đã tạo")
    _year(listing, "chỉ các yêu cầu của năm này", required=False)
    export = actions.add_parser("export", help="ghi mỗi tổ chức một mẫu Excel đã điền sẵn số liệu")
    export.add_argument("request_id", type=int, help="mã yêu cầu")
    export.add_argument("-o", "--output", required=True, help="thư mục ghi các mẫu")
    intake = actions.add_parser("import", help="nhận báo cáo: tệp .xlsx hoặc .ods, thư mục hoặc tệp .zip")
    intake.add_argument("paths", nargs="+", help="tệp mẫu đã điền, thư mục hoặc .zip (kèm báo cáo PDF/DOCX "
                                                 "cùng tên)")
    intake.add_argument("--request", type=int, dest="request_id", help="chỉ nhận mẫu của yêu cầu này")
    intake.add_argument("--received", metavar="DD/MM/YYYY", help="ngày nhận (mặc định: hôm nay)")
    intake.add_argument("--report", help="báo cáo PDF/DOCX đính kèm (khi nhận một tệp mẫu)")
    intake.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và so sánh, không ghi gì")
    status = actions.add_parser("status", help="tổ chức nào đã gửi, gửi chậm, chưa gửi, bị trả lại")
    status.add_argument("request_id", type=int, help="mã yêu cầu")
    status.add_argument("--differences", action="store_true", help="in số liệu khác với hồ sơ Đảng ủy Khối")
    for name, text in (("accept", "chấp nhận báo cáo của một tổ chức"),
                       ("send-back", "trả lại báo cáo để tổ chức sửa (cần --note)")):
        decide = actions.add_parser(name, help=text)
        decide.add_argument("request_id", type=int, help="mã yêu cầu")
        decide.add_argument("org_id", type=int, help="mã tổ chức")
        decide.add_argument("--note", default="", help="ghi chú, lý do trả lại")
    for name, text in (("letter", "in công văn đôn đốc các tổ chức chậm gửi"),
                       ("summary", "in báo cáo tổng hợp từ các báo cáo đã chấp nhận")):
        paper = actions.add_parser(name, help=text)
        paper.add_argument("request_id", type=int, help="mã yêu cầu")
        paper.add_argument("-o", "--output", required=True, type=paper_file, help=PAPER_HELP)
        paper.add_argument("--date", metavar="DD/MM/YYYY", help="ngày ban hành (mặc định: hôm nay)")
        paper.add_argument("--issue", action="store_true", help="lấy số từ sổ văn bản đi")
    form = actions.add_parser("form", help="mẫu báo cáo gửi kèm yêu cầu: xem, ghi ra CSV, nhận CSV đã sửa, "
                                           "hoặc trở về mẫu chuẩn")
    what = form.add_mutually_exclusive_group()
    what.add_argument("--export", metavar="TỆP.csv", help="ghi mẫu đang dùng ra tệp CSV để sửa bằng Excel")
    what.add_argument("--import", dest="import_file", metavar="TỆP.csv", help="dùng mẫu trong tệp CSV đã sửa")
    what.add_argument("--reset", action="store_true", help="trở về mẫu chuẩn")
    for action in actions.choices.values():
        _db(action)
        _acting_user(action)


def _dues(sub) -> None:
    dues = sub.add_parser("dues", help="sổ đảng phí: tỷ lệ trích giữ lại, số thu, nộp từng quý của tổ "
                                       "chức cơ sở")
    actions = dues.add_subparsers(dest="dues_command", required=True)
    share = actions.add_parser("share", help="xem hoặc đặt tỷ lệ trích giữ lại (không có --from: xem)")
    share.add_argument("--from", dest="valid_from", metavar="DD/MM/YYYY", help="áp dụng từ ngày")
    share.add_argument("--kept", type=int, help="tổ chức cơ sở đảng trích giữ lại (%%)")
    share.add_argument("--bloc-kept", type=int, help="Đảng ủy Khối trích giữ lại (%%) số nhận được")
    share.add_argument("--rate", action="append", help="một mức đóng đảng phí (lặp lại cho mỗi mức)")
    share.add_argument("--note", default="", help="ghi chú, ví dụ văn bản quy định tỷ lệ")
    entry = actions.add_parser("set", help="ghi số thu, nộp đảng phí trong quý của một tổ chức")
    entry.add_argument("org_id", type=int, help="mã tổ chức cơ sở đảng")
    for name, text in (("--collected", "đảng phí thu được (đồng)"),
                       ("--remitted", "đã nộp Đảng ủy Khối (đồng)")):
        entry.add_argument(name, required=True, help=text)
    entry.add_argument("--on", metavar="DD/MM/YYYY", help="ngày nộp")
    entry.add_argument("--note", default="", help="ghi chú")
    taken = actions.add_parser("from-returns", help="lấy số đảng phí từ các báo cáo quý (hoặc ba báo cáo "
                                                    "tháng) đã chấp nhận")
    taken.add_argument("--dry-run", action="store_true", help="chỉ xem sẽ lấy gì, không ghi")
    listing = actions.add_parser("list", help="sổ đảng phí của một quý")
    report = actions.add_parser("report", help="in báo cáo thu, nộp đảng phí của một quý")
    report.add_argument("-o", "--output", required=True, type=paper_file, help=PAPER_HELP)
    report.add_argument("--date", metavar="DD/MM/YYYY", help="ngày ban hành (mặc định: hôm nay)")
    report.add_argument("--issue", action="store_true", help="lấy số từ sổ văn bản đi")
    for action in (entry, taken, listing, report):
        _year(action, "năm")
        action.add_argument("--quarter", type=int, required=True, choices=[1, 2, 3, 4], help="quý")
    for action in actions.choices.values():
        _db(action)
        _acting_user(action)
