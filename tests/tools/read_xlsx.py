#!/usr/bin/python3
"""Reads a vetcheck workbook (-f xlsx) back with openpyxl and checks it against the JSON report of
the same run: the sheets and their headings in the report's language, the frozen header and the
filters, one row per result in the JSON's order with the same plan, indicator and numbers (numeric
cells, a percentage format for shares), and one row per input that could not be checked.

    read_xlsx.py WORKBOOK JSON_REPORT en|zh

Prints what it found wrong and exits 1; prints one line and exits 0 when all is well. Exits 77
with "VETCHECK-SKIPPED: ..." when openpyxl is not installed (Debian: python3-openpyxl)."""
import json
import math
import sys

try:
    import openpyxl
except ImportError:
    print("VETCHECK-SKIPPED: /usr/bin/python3 has no openpyxl (apt-get install python3-openpyxl)")
    sys.exit(77)

SHEETS = {"en": ["Summary", "Results", "Matrix", "Errors"], "zh": ["汇总", "结果", "矩阵", "错误"]}
RESULT_HEADINGS = {
    "en": ["Plan id", "File", "Region", "Level", "Subject", "Pack", "Indicator", "Indicator name",
           "Status", "Actual", "Target", "Requirement", "Gap", "Deadline", "Reason", "Source"],
    "zh": ["规划编号", "文件", "地区", "层级", "对象", "规则包", "指标编号", "指标名称", "状态",
           "实际值", "目标值", "要求", "差距", "期限", "原因", "依据"],
}
ERROR_HEADINGS = {"en": ["File", "Line", "Column", "Code", "Message", "Source line"],
                  "zh": ["文件", "行", "列", "代码", "说明", "原文行"]}
COL = {name: i for i, name in enumerate(RESULT_HEADINGS["en"])}

problems = []


def expect(ok, what):
    if not ok:
        problems.append(what)


def number_shown(cell):
    """The value a numeric cell stands for: a ratio shown as 1:N holds N."""
    if cell.number_format.startswith('"1:"'):
        return 1 / cell.value
    return cell.value


def close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def main():
    path, report_path, lang = sys.argv[1:4]
    report = json.load(open(report_path, encoding="utf-8"))
    wb = openpyxl.load_workbook(path)
    expect(wb.sheetnames[:4] == SHEETS[lang], f"sheets {wb.sheetnames}, expected {SHEETS[lang]}")
    results_sheets = [wb[n] for n in wb.sheetnames if n == SHEETS[lang][1]
                      or n.startswith(SHEETS[lang][1] + " ")]
    summary, matrix, errors = (wb[SHEETS[lang][i]] for i in (0, 2, 3))

    # The summary's statuses, in the status table's order (the JSON summary's order too): each
    # with its mark, word and count.
    status_names = ["pass", "fail", "missing", "error", "not-due", "n/a", "advisory", "waived",
                    "on-track", "behind"]
    cells = [(r[0].value, r[1].value) for r in summary.iter_rows()]
    heading = ("Status", "Count") if lang == "en" else ("状态", "数量")
    start = cells.index(heading) + 1 if heading in cells else None
    expect(start is not None, f"summary: no status table headed {heading}")
    words = {}
    if start is not None:
        for name, (shown, count) in zip(status_names, cells[start:start + len(status_names)]):
            words[name] = shown.split(" ", 1)[1]
            expect(count == report["summary"][name],
                   f"summary: {shown} {count}, the JSON counts {report['summary'][name]}")

    requirements = {(p["id"], i["id"]) for p in report["packs"] for i in p["indicators"]
                    if "comparison" not in i}
    shares = {(p["id"], i["id"]) for p in report["packs"] for i in p["indicators"]
              if i["notation"] == "percent"}
    expected = [(plan, r) for plan in report["plans"] for r in plan["results"]]
    rows = []
    for ws in results_sheets:
        header = [c.value for c in ws[1]]
        expect(header == RESULT_HEADINGS[lang], f"{ws.title}: headings {header}")
        expect(ws.freeze_panes == "A2", f"{ws.title}: frozen at {ws.freeze_panes}, expected A2")
        expect(ws.auto_filter.ref == f"A1:P{ws.max_row}",
               f"{ws.title}: filter {ws.auto_filter.ref}, expected A1:P{ws.max_row}")
        rows += list(ws.iter_rows(min_row=2))
    expect(len(rows) == len(expected), f"{len(rows)} result rows, the JSON has {len(expected)}")
    numbers = percents = 0
    for n, (row, (plan, r)) in enumerate(zip(rows, expected), start=2):
        where = f"result row {n}"
        expect(row[COL["Plan id"]].value == plan["id"], f"{where}: plan {row[0].value} != {plan['id']}")
        expect(row[COL["Indicator"]].value == r["indicator"],
               f"{where}: indicator {row[COL['Indicator']].value} != {r['indicator']}")
        expect(row[COL["Pack"]].value == r["pack"], f"{where}: pack")
        expect(row[COL["Status"]].value == words.get(r["status"]),
               f"{where}: status {row[COL['Status']].value}, the JSON has {r['status']}")
        for key in ("actual", "target"):
            cell = row[COL[key.capitalize()]]
            numeric = key in r and (r["pack"], r["indicator"]) not in requirements
            if numeric:
                ok = isinstance(cell.value, (int, float)) and close(number_shown(cell),
                                                                   r[key]["number"])
                expect(ok, f"{where}: {key} {cell.value!r} ({cell.number_format}), "
                           f"the JSON has {r[key]['number']}")
                numbers += 1
                if (r["pack"], r["indicator"]) in shares:
                    expect("%" in cell.number_format, f"{where}: a share without a % format")
                    percents += 1
            else:
                expect(not isinstance(cell.value, (int, float)) or isinstance(cell.value, bool),
                       f"{where}: {key} is a number {cell.value!r} the JSON does not have")
        if "deadline" in r or row[COL["Deadline"]].value is not None:
            expect(isinstance(row[COL["Deadline"]].value, int), f"{where}: deadline not a number")
    expect(numbers > 0 and percents > 0, f"{numbers} numeric cells, {percents} percentages")

    # The matrix: one row per plan under its two heading rows, in the JSON's order.
    ids = [row[0].value for row in matrix.iter_rows(min_row=3)]
    expect(ids == [p["id"] for p in report["plans"]], f"matrix rows {ids}")
    expect(matrix.freeze_panes == "D3", f"matrix frozen at {matrix.freeze_panes}, expected D3")

    # The summary: the plans and results counted as the JSON counts them.
    labels = {row[0].value: row[1].value for row in summary.iter_rows() if row[0].value}
    plans_label = "Plans checked" if lang == "en" else "已检查的规划"
    expect(labels.get(plans_label) == len(report["plans"]),
           f"summary: {labels.get(plans_label)} plans, the JSON has {len(report['plans'])}")

    # Each input that could not be checked is a row of the errors sheet, located as in the JSON.
    header = [c.value for c in errors[1]]
    expect(header == ERROR_HEADINGS[lang], f"errors: headings {header}")
    # The JSON's messages are English whatever --lang says; the workbook's are in its language.
    got = [(r[0].value, r[1].value, r[2].value, r[4].value if lang == "en" else bool(r[4].value))
           for r in errors.iter_rows(min_row=2)]
    want = [(e["file"], e.get("line"), e.get("column"), e["message"] if lang == "en" else True)
            for e in report["errors"]]
    expect(got == want, f"errors: {got}, the JSON has {want}")

    if problems:
        for p in problems[:20]:
            print("xlsx:", p)
        sys.exit(1)
    print(f"xlsx: {len(rows)} results, {len(ids)} plans, {len(got)} errors, {numbers} numbers "
          f"as numbers ({percents} percentages) agree with the JSON report")


if __name__ == "__main__":
    main()
