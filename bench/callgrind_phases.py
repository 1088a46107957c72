#!/usr/bin/env python3
"""Where vetcheck's instructions go, by phase, from two callgrind runs: one on N files and one on
the first of them. The difference divided by N - 1 is the cost of one more file (start-up and the
packs, paid once, drop out).

    callgrind_phases.py MANY.out ONE.out N
"""
import re
import subprocess
import sys



def load(path):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path], capture_output=True, text=True).stdout
    res = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \([ \d.]+%\)\s+(.*)$", line)
        if m:
            res.setdefault(m.group(2), int(m.group(1).replace(",", "")))
    return res
many, one = load(sys.argv[1]), load(sys.argv[2])
n = int(sys.argv[3])
pats = [("whole run", "PROGRAM TOTALS"),
        ("check_files (read, load, check)", r"vetcheck::check_files\("),
        ("read_input_file", r"vetcheck::read_input_file"),
        ("load_plan", r"vetcheck::load_plan\("),
        ("  load_yaml (plan files)", r"vetcheck::load_yaml\("),
        ("    yaml_parser_parse (libyaml)", r"^\?\?\?:yaml_parser_parse "),
        ("  FactReader::read (facts, values)", r"FactReader::read"),
        ("  Catalog::compile (packs)", r"Catalog::compile"),
        ("check_plan (engine)", r"vetcheck::check_plan\("),
        ("  IndicatorCheck::run", r"IndicatorCheck::run\(\)"),
        ("  expr::evaluate", r"expr::evaluate"),
        ("  Result copy-constructor", r"Result::Result\(vetcheck::Result const&\)"),
        ("  shortfall", r"IndicatorCheck::shortfall"),
        ("TerminalReporter::write", r"TerminalReporter::write"),
        ("  display_width", r"vetcheck::display_width"),
        ("~vector<PlanReport> (freeing all reports)", r"vector<vetcheck::report::PlanReport.*~vector"),
        ("malloc", r"malloc.c:malloc "), ("free", r"malloc.c:free "),
        ("fmt::vformat", r"fmt::v9::vformat\[abi"),
        ("Node::~Node", r"Node::~Node\(\) \["),
        ]
tot_many = many["PROGRAM TOTALS"]; tot_one = one["PROGRAM TOTALS"]
per_file_total = (tot_many - tot_one) / (n - 1)
print(f"{'phase':<44} {'Ir, '+str(n)+' files':>16} {'% of run':>9} {'Ir/file (diff)':>15} {'% of per-file':>13}")
for label, pat in pats:
    rx = re.compile(pat)
    a = max([v for k, v in many.items() if rx.search(k)] or [0])
    b = max([v for k, v in one.items() if rx.search(k)] or [0])
    pf = (a - b) / (n - 1)
    print(f"{label:<44} {a:>16,} {100*a/tot_many:>8.1f}% {pf:>15,.0f} {100*pf/per_file_total:>12.1f}%")
