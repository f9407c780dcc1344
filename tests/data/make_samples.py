#!/usr/bin/env python3
"""Write the small sample files under tests/data/ used by tests/import.rs
(and by the browser tests): one table, illustrative, in several formats.

    pip install openpyxl xlwt odfpy
    python3 tests/data/make_samples.py

Every workbook has two sheets: "县域数据" (the table below, with a missing
cell, an "NA" string, a boolean column, a date column, an error cell — in
ODS, which has no error cells, the literal text "#DIV/0!" — and a column of
codes stored as text, "007", "1.50", "A12") and "Second" (two columns, two rows); the XLSX and
ODS also have an empty sheet "空表". The values are made up.
"""
import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = ["县域", "规模", "信息平台", "达标", "日期", "比率", "编号"]
ROWS = [
    ["甲县", 12, 0.8, True, datetime.date(2024, 3, 1), 0.5, "007"],
    ["乙县", 7.5, None, False, datetime.date(2024, 3, 2), "#DIV/0!", "1.50"],
    ["丙县", 3, "NA", True, datetime.datetime(2024, 3, 3, 8, 30), 0.25, "A12"],
]
SECOND = [["case", "x"], ["A", 1], ["B", 2]]


def xlsx():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县域数据"
    ws.append(HEADER)
    for r in ROWS:
        ws.append(r)  # "#DIV/0!" becomes an error cell (data type 'e')
    for row in ws.iter_rows(min_row=2, min_col=7, max_col=7):
        row[0].data_type = "s"  # codes stay text
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=5):
        row[0].number_format = "yyyy-mm-dd"
    ws2 = wb.create_sheet("Second")
    for r in SECOND:
        ws2.append(r)
    wb.create_sheet("空表")
    wb.save(os.path.join(HERE, "sample.xlsx"))


def xls():
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("县域数据")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    datetime_style = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
    for c, h in enumerate(HEADER):
        ws.write(0, c, h)
    for r, row in enumerate(ROWS, start=1):
        for c, v in enumerate(row):
            if v is None:
                continue
            if isinstance(v, datetime.datetime):
                ws.write(r, c, v, datetime_style)
            elif isinstance(v, datetime.date):
                ws.write(r, c, v, date_style)
            elif v == "#DIV/0!":
                ws.row(r).set_cell_error(c, "#DIV/0!")
            else:
                ws.write(r, c, v)
    ws2 = wb.add_sheet("Second")
    for r, row in enumerate(SECOND):
        for c, v in enumerate(row):
            ws2.write(r, c, v)
    wb.save(os.path.join(HERE, "sample.xls"))


def ods():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P

    doc = OpenDocumentSpreadsheet()

    def cell(v):
        if v is None:
            return TableCell()
        if isinstance(v, bool):
            c = TableCell(valuetype="boolean", booleanvalue="true" if v else "false")
            c.addElement(P(text="TRUE" if v else "FALSE"))
        elif isinstance(v, datetime.datetime):
            c = TableCell(valuetype="date", datevalue=v.strftime("%Y-%m-%dT%H:%M:%S"))
            c.addElement(P(text=v.strftime("%Y-%m-%d %H:%M")))
        elif isinstance(v, datetime.date):
            c = TableCell(valuetype="date", datevalue=v.isoformat())
            c.addElement(P(text=v.isoformat()))
        elif isinstance(v, (int, float)):
            c = TableCell(valuetype="float", value=v)
            c.addElement(P(text=str(v)))
        else:
            c = TableCell(valuetype="string")
            c.addElement(P(text=str(v)))
        return c

    def table(name, rows):
        t = Table(name=name)
        for row in rows:
            tr = TableRow()
            for v in row:
                # ODS has no error cells: the spreadsheet shows "#DIV/0!" only
                # for a formula; write the literal as text here.
                tr.addElement(cell(v))
            t.addElement(tr)
        doc.spreadsheet.addElement(t)

    table("县域数据", [HEADER] + ROWS)
    table("Second", SECOND)
    table("空表", [])
    doc.save(os.path.join(HERE, "sample.ods"))


def gbk_csv():
    lines = ["县域,规模,信息平台"]
    for r in ROWS:
        lines.append(f"{r[0]},{r[1]},{'' if r[2] is None else r[2]}")
    with open(os.path.join(HERE, "sample_gbk.csv"), "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("gbk"))


if __name__ == "__main__":
    xlsx()
    xls()
    ods()
    gbk_csv()
