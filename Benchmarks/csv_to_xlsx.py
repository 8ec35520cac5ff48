#!/usr/bin/env python3
"""Writes the CSV tables of a generated library as one workbook, fast enough for benchmark sizes (hundreds of
thousands of rows): raw SpreadsheetML streamed into the zip, one sheet per table (cities, parks, projects,
banks), text as shared strings, numbers as numbers, no styles. Dates stay text (the reader takes ISO text).

Usage: csv_to_xlsx.py DATA_DIR OUTPUT.xlsx [PROJECTS_FILE]
"""
import csv
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
TEXT = {"id", "name", "park", "city", "fund", "requires", "exclusive_group", "cities"}


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def write_sheet(archive, number, path, strings, indexes):
    with open(path, encoding="utf-8", newline="") as source:
        rows = csv.reader(source)
        header = next(rows)
        with archive.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as target:
            target.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
            for row_number, row in enumerate([header] + list(rows), start=1):
                cells = []
                for index, cell in enumerate(row):
                    if cell == "":
                        continue
                    ref = column_letters(index) + str(row_number)
                    if row_number > 1 and header[index] not in TEXT and NUMBER.match(cell):
                        cells.append(f'<c r="{ref}"><v>{cell}</v></c>')
                    else:
                        if cell not in indexes:
                            indexes[cell] = len(strings)
                            strings.append(cell)
                        cells.append(f'<c r="{ref}" t="s"><v>{indexes[cell]}</v></c>')
                target.write(f'<row r="{row_number}">{"".join(cells)}</row>'.encode())
            target.write(b"</sheetData></worksheet>")


def main(data, output, projects="projects.csv"):
    tables = [("cities", "cities.csv"), ("parks", "parks.csv"), ("projects", projects), ("banks", "banks.csv")]
    strings, indexes = [], {}
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for number, (_, file) in enumerate(tables, start=1):
            write_sheet(archive, number, os.path.join(data, file), strings, indexes)
        sheets = "".join(f'<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>' for n, (name, _) in enumerate(tables, 1))
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{n}" Type="{REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                       for n in range(1, len(tables) + 1))
        rels += f'<Relationship Id="rId9" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{rels}</Relationships>')
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                         f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as target:
            target.write(f'<sst xmlns="{MAIN}" uniqueCount="{len(strings)}">'.encode())
            for text in strings:
                target.write(f"<si><t>{escape(text)}</t></si>".encode())
            target.write(b"</sst>")
        archive.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')


if __name__ == "__main__":
    main(*sys.argv[1:])
