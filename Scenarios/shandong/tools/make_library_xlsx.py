#!/usr/bin/env python3
"""Writes data/library.xlsx, the bundled library as one workbook: sheets 城市, 园区, 项目, 银行 from
data/cities.csv, data/parks.csv, data/projects-2022-2024.csv and data/banks.csv (run from Scenarios/shandong).

The columns of the format get their documented Chinese names (项目编号, 所属园区, 2022年申请补助 …); other
columns keep theirs. Cells are typed as an office would keep them: ids and names as text, numeric columns as
numbers, dates as date-formatted cells, true/false as booleans; empty cells are left out. Zip timestamps and
document dates are fixed, so the same CSV files always give the same bytes. Needs openpyxl.
"""
import csv
import datetime
import re
import sys
import zipfile

import openpyxl

SHEETS = [
    ("城市", "data/cities.csv", {"id": "城市编号", "name": "城市名称", "region": "所属区域"}),
    ("园区", "data/parks.csv", {"id": "园区编号", "name": "园区名称", "city": "所属城市", "status": "园区状态",
                             "barred_until": "禁申截止日期", "naming_year": "可命名年度"}),
    ("项目", "data/projects-2022-2024.csv", {
        "id": "项目编号", "name": "项目名称", "park": "所属园区", "fund": "资金渠道", "category": "项目类别",
        "investment": "总投资", "min_share": "最低补助比例", "lock": "锁定", "requires": "前置项目",
        "exclusive_group": "互斥组", "naming_prerequisite": "园区命名必需", "loan_need": "融资需求",
        "maturity": "前期工作阶段", "central_library": "中央项目库", "provincial_library": "省级项目库",
        "finance_tier": "绿色金融库等级"}),
    ("银行", "data/banks.csv", {"id": "银行编号", "name": "银行名称", "capacity": "可贷额度",
                             "max_per_project": "单笔贷款上限", "min_tier": "最低融资等级", "cities": "服务城市"}),
]
# Columns of ids, names and values from lists: text even when every cell is a number (370100).
TEXT = {"id", "name", "park", "city", "fund", "requires", "exclusive_group", "cities", "region", "status", "lock",
        "maturity", "central_library", "provincial_library", "finance_tier", "min_tier", "category"}
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def header_name(column, names):
    request = re.fullmatch(r"request_(\d{4})", column)
    return f"{request.group(1)}年申请补助" if request else names.get(column, column)


def column_kind(column, cells):
    filled = [cell for cell in cells if cell != ""]
    if column in TEXT or not filled:
        return "text"
    for kind, fits in (("number", NUMBER.match), ("date", DATE.match), ("boolean", lambda c: c in ("true", "false"))):
        if all(fits(cell) for cell in filled):
            return kind
    return "text"


def typed(cell, kind):
    if kind == "number":
        return int(cell) if re.fullmatch(r"-?\d+", cell) else float(cell)
    if kind == "date":
        return datetime.date.fromisoformat(cell)
    if kind == "boolean":
        return cell == "true"
    return cell


def write_sheet(sheet, path, names):
    with open(path, encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    header, body = rows[0], rows[1:]
    kinds = [column_kind(column, [row[index] for row in body]) for index, column in enumerate(header)]
    sheet.append([header_name(column, names) for column in header])
    for row_number, row in enumerate(body, start=2):
        for index, cell in enumerate(row):
            if cell == "":
                continue
            target = sheet.cell(row=row_number, column=index + 1, value=typed(cell, kinds[index]))
            if kinds[index] == "date":
                target.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"


def fix_timestamps(path):
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2022-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(name, (2022, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data, compresslevel=9)


def main(output="data/library.xlsx"):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, path, names in SHEETS:
        write_sheet(book.create_sheet(title), path, names)
    book.save(output)
    fix_timestamps(output)


if __name__ == "__main__":
    main(*sys.argv[1:])
