"""The choice of the Excel writer, measured: the same registry-shaped table (30,000 rows of 21
columns — names, dates, digit strings, long text, a third of the cells empty) written by
openpyxl's write-only mode and by XlsxWriter in constant memory, each in a process of its own.
Prints seconds and peak memory; asserts nothing. models/core/excel.py uses the quicker.

    python bench/excel_writers.py [--rows 30000]
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WRITERS = {
    "openpyxl write-only": """
from openpyxl import Workbook
book = Workbook(write_only=True)
sheet = book.create_sheet("Danh sách")
for row in rows():
    sheet.append(row)
book.save(path)
""",
    "XlsxWriter constant memory": """
import xlsxwriter
book = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                  "strings_to_formulas": False, "strings_to_urls": False})
sheet = book.add_worksheet("Danh sách")
dated = book.add_format({"num_format": "DD/MM/YYYY"})
for r, row in enumerate(rows()):
    for c, value in enumerate(row):
        if value is None or value == "":
            continue
        if isinstance(value, str):
            sheet.write_string(r, c, value)
        elif isinstance(value, int):
            sheet.write_number(r, c, value)
        else:
            sheet.write_datetime(r, c, value, dated)
book.close()
""",
}
ROWS = """
import re, sys, time
from datetime import date
count, path = int(sys.argv[1]), sys.argv[2]
def rows():
    for n in range(count):
        yield [n + 1, f"Nguyễn Văn Đức {n}", "Nam", date(1970 + n % 30, 1 + n % 12, 1 + n % 28),
               f"{n % 97 + 1}-QĐ/ĐUK", "", f"{n:08d}", f"{n:06d}QN", "Thôn 3, xã Hạ Long, tỉnh Quảng Ninh",
               "Tổ 5, phường Hồng Hà, tỉnh Quảng Ninh", "12/12", "Đại học", "Trung cấp",
               "" if n % 3 else "Ghi chú",
               date(2000 + n % 20, 3, 1), date(2001 + n % 20, 3, 1), "Chính thức", "Chi bộ Phòng Tổng hợp",
               "Đảng bộ Sở Tài chính", "Chuyên viên", ""]
started = time.perf_counter()
"""
PEAK = """
import re
peak = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read())[1])
print(time.perf_counter() - started, peak / 1024)
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=30000)
    args = parser.parse_args()
    print(f"{args.rows:,} rows × 21 columns".replace(",", "."))
    for name, body in WRITERS.items():
        path = Path("/tmp") / f"dangvu-writer-{abs(hash(name))}.xlsx"
        done = subprocess.run([sys.executable, "-c", ROWS + body + PEAK, str(args.rows), str(path)],
                              capture_output=True, text=True, check=True)
        seconds, peak = (float(x) for x in done.stdout.split())
        print(f"  {name:<28} {seconds:6.2f} s  {peak:6.0f} MB  {path.stat().st_size / 1e6:5.1f} MB file")
        path.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
