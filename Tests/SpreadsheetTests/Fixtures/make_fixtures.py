#!/usr/bin/env python3
"""Writes the workbook fixtures of the Spreadsheet reader's tests (run from this folder).

Three writers: openpyxl (openpyxl-*.xlsx; it writes inline strings and formulas without results), LibreOffice headless (libreoffice-*.xlsx, converted from a workbook
openpyxl writes, so that LibreOffice computes and saves the formulas' results; it writes shared strings), and hand-written
parts (handmade-*.xlsx: rich shared strings with phonetic runs, namespace prefixes, sheets whose part names do not follow their order, cells without
`r`). The broken ones are derived from good ones. Zip timestamps are fixed so that the files are reproducible.
"""
import datetime
import io
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zipfile
import zlib

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904

FIXED = (2022, 1, 1, 0, 0, 0)


def normalize(path, drop=(), replace=None):
    """Rewrites the zip with fixed timestamps, without the parts in `drop`, with `replace` {name: bytes}."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            if name in drop:
                continue
            data = (replace or {}).get(name, data)
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2022-01-01T00:00:00Z", data)
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def fixed_properties(book):
    book.properties.created = datetime.datetime(2022, 1, 1)
    book.properties.modified = datetime.datetime(2022, 1, 1)


def openpyxl_types():
    book = openpyxl.Workbook()
    fixed_properties(book)
    first = book.active
    first.title = "说明"
    first.append(["id", "name", "amount"])
    first.append(["P1", "甲项目", 12])
    first.append(["P2", "乙项目", 2872.8])

    types = book.create_sheet("类型")
    types.append(["text", "whole", "fraction", "flag", "day", "stamp", "chinese_day", "rich", "share", "big"])
    rich = CellRichText(["绿色", TextBlock(InlineFont(b=True), "低碳"), " 园区"])
    types.append(["甲", 1504, 267.5, True, datetime.date(2024, 11, 14), datetime.datetime(2022, 3, 31, 15, 30),
                  datetime.date(2022, 3, 1), rich, 0.125, 1.5e20])
    types.append(["1,234.5", -3, 0.1, False, datetime.date(1900, 1, 1), datetime.datetime(1900, 3, 1),
                  datetime.date(2000, 2, 29), "plain", 1, 12345678901234567])
    types["D2"].number_format = "General"
    types["E2"].number_format = "mm-dd-yy"  # built-in format 14
    types["E3"].number_format = "mm-dd-yy"
    for cell in ("G2", "G3"):
        types[cell].number_format = 'yyyy"年"m"月"d"日"'
    types["I2"].number_format = "0.0%"

    sparse = book.create_sheet("稀疏")
    sparse["B3"] = "id"
    sparse["C3"] = "value"
    sparse["E3"] = "note"
    sparse["B5"] = "a"
    sparse["C5"] = 1
    sparse["B7"] = "b"
    sparse["E7"] = "x"
    sparse["H20"].fill = PatternFill("solid", fgColor="FFFF00")  # a styled empty cell far out

    uncached = book.create_sheet("公式")
    uncached.append(["id", "total"])
    uncached.append(["P1", "=1+2"])
    book.save("openpyxl-types.xlsx")
    normalize("openpyxl-types.xlsx")


def openpyxl_1904():
    book = openpyxl.Workbook()
    fixed_properties(book)
    book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    sheet.title = "dates"
    sheet.append(["id", "barred_until"])
    sheet.append(["K1", datetime.date(2024, 11, 14)])
    sheet.append(["K2", datetime.date(1904, 1, 1)])
    book.save("openpyxl-1904.xlsx")
    normalize("openpyxl-1904.xlsx")


def libreoffice_formulas():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公式"
    sheet.append(["id", "base", "double", "label", "flag", "day", "broken"])
    sheet.append(["P1", 21, "=B2*2", '=A2&"-甲"', True, datetime.date(2023, 6, 30), "=1/0"])
    sheet.append(["P2", 0.1, "=B3+0.2", '=IF(B3>1,"大","小")', "=B3>1", "=F2+1", 5])
    sheet["F2"].number_format = "yyyy-mm-dd"
    sheet["F3"].number_format = "yyyy-mm-dd"
    second = book.create_sheet("第二")
    second.append(["k", "v"])
    second.append(["x", 1])
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "libreoffice-formulas.xlsx")
        book.save(source)
        out = os.path.join(work, "out")
        subprocess.run(["soffice", "--headless", "--convert-to", "xlsx", "--outdir", out, source], check=True,
                       stdout=subprocess.DEVNULL, env=dict(os.environ, HOME=work))
        shutil.copy(os.path.join(out, "libreoffice-formulas.xlsx"), "libreoffice-formulas.xlsx")
    normalize("libreoffice-formulas.xlsx")


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="第一" sheetId="1" r:id="rId3"/><x:sheet name="第二" sheetId="2" r:id="rId2"/></x:sheets></x:workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheetA.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheetB.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"""
SHARED = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>id</t></si><si><t xml:space="preserve">  name </t></si><si><r><rPr><b/></rPr><t>济南</t></r><r><t>钢铁</t></r><rPh sb="0" eb="2"><t>ジナン</t></rPh></si><si><t>a&amp;b_x000D_c</t></si></sst>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>"""
SHEET_FIRST = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="inlineStr"><is><t>day</t></is></c><c t="inlineStr"><is><t>amount</t></is></c></row><row><c t="s"><v>2</v></c><c t="inlineStr"><is><r><t>内</t></r><r><t xml:space="preserve">联 </t></r></is></c><c s="1"><v>44651</v></c><c s="2"><v>1234.5</v></c></row><!-- a comment --><row r="4"><c r="A4" t="s"><v>3</v></c><c r="C4" t="d"><v>2022-03-31T00:00:00</v></c><c r="D4"><f>D3*2</f><v>2469</v></c></row></sheetData></worksheet>"""
SHEET_SECOND = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>k</t></is></c><c r="B1" t="inlineStr"><is><t>v</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c><c r="B2" t="e"><v>#N/A</v></c></row><row r="3"><c r="A3" t="s"><v>9</v></c><c r="B3" t="b"><v>1</v></c></row></sheetData></worksheet>"""


def handmade(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, text.encode("utf-8"))


HANDMADE = {
    "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "xl/workbook.xml": WORKBOOK,
    "xl/_rels/workbook.xml.rels": WORKBOOK_RELS, "xl/sharedStrings.xml": SHARED, "xl/styles.xml": STYLES,
    "xl/worksheets/sheetA.xml": SHEET_SECOND, "xl/worksheets/sheetB.xml": SHEET_FIRST,
}


def broken():
    shutil.copy("libreoffice-formulas.xlsx", "broken-no-shared-strings.xlsx")
    normalize("broken-no-shared-strings.xlsx", drop={"xl/sharedStrings.xml"})
    parts = dict(HANDMADE)
    parts["xl/worksheets/sheetB.xml"] = SHEET_FIRST.replace("<row r=\"4\">", "<row r=\"4\"><c r=\"B4\">")
    handmade("broken-xml.xlsx", parts)
    # A part that expands far beyond the size its headers declare (64 MB of spaces, said to be 1,000 bytes).
    bomb_lying_size()
    # A part whose headers declare 3 GiB.
    handmade("broken-declared-size.xlsx", HANDMADE)
    patch_sizes("broken-declared-size.xlsx", "xl/worksheets/sheetB.xml", 3 << 30)


def bomb_lying_size():
    parts = dict(HANDMADE)
    padding = " " * (64 << 20)
    parts["xl/worksheets/sheetB.xml"] = SHEET_FIRST.replace("<sheetData>", "<sheetData>" + padding)
    handmade("broken-bomb.xlsx", parts)
    patch_sizes("broken-bomb.xlsx", "xl/worksheets/sheetB.xml", 1000)


def patch_sizes(path, name, size):
    """Sets the uncompressed size of part `name` in its local header and the central directory."""
    data = bytearray(open(path, "rb").read())
    encoded = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            name_offset = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_offset:name_offset + len(encoded)] == encoded:
                struct.pack_into("<I", data, start + offset, size)
            start += 4
    open(path, "wb").write(bytes(data))


if __name__ == "__main__":
    openpyxl_types()
    openpyxl_1904()
    libreoffice_formulas()
    handmade("handmade-parts.xlsx", HANDMADE)
    broken()
