#!/usr/bin/env python3
"""Writes the workbooks of the command-line workbook tests (run from this folder): a small library written by
openpyxl and saved again by LibreOffice headless (so that it has shared strings, as Excel writes), with sheets
城市, 园区, 项目 under the documented Chinese column names, and broken variants of it."""
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl

CITIES = [["城市编号", "城市名称", "所属区域"], ["370100", "济南市", "east"], ["370200", "青岛市", "east"]]
PARKS = [["园区编号", "园区名称", "所属城市", "园区状态"], ["K1", "甲园区", "370100", "named_provincial"],
         ["K2", "乙园区", "370200", "under_construction"]]
PROJECTS = [["项目编号", "项目名称", "所属园区", "资金渠道", "项目类别", "总投资", "2022年申请补助", "benefit"],
            ["P1", "甲项目", "K1", "f1", "air", 100, 40, 5], ["P2", "乙项目", "K2", "f1", "water", "1,200", 50, 7],
            ["P3", "丙项目", "K2", "f1", "air", 90, 30, 4]]


def save(path, cities=CITIES, parks=PARKS, projects=PROJECTS):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in (("城市", cities), ("园区", parks), ("项目", projects)):
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, os.path.basename(path))
        book.save(source)
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", os.path.join(work, "out"), source],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, HOME=work))
        rewrite(os.path.join(work, "out", os.path.basename(path)), path)


def rewrite(source, target, drop=()):
    """Copies the zip with fixed timestamps, leaving out the parts in `drop`."""
    with zipfile.ZipFile(source) as reader:
        parts = [(info.filename, reader.read(info.filename)) for info in reader.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as writer:
        for name, data in parts:
            if name in drop:
                continue
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2022-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(name, (2022, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            writer.writestr(info, data)


if __name__ == "__main__":
    save("library.xlsx")
    wrong = [row[:] for row in PROJECTS]
    wrong[2][5] = "12o0"  # F3: not a number
    bad_parks = [row[:] for row in PARKS]
    bad_parks[2][3] = "named"  # D3: not a status
    save("library-wrong-type.xlsx", parks=bad_parks, projects=wrong)
    rewrite("library.xlsx", "library-no-shared-strings.xlsx", drop={"xl/sharedStrings.xml"})
