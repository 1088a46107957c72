#!/usr/bin/env python3
"""Prints bench/run.sh's table, whether vetcheck and the peers agree, and the issue's goals.

    report.py RESULTS.tsv OUT_DIR JOBS_FLAG CORES

RESULTS.tsv rows: section, name, median seconds, median peak KB, file with the warm run's output.
"""

import os
import re
import sys

FLOOR = "libyaml events (floor)"
RULES = "peer: js-yaml + json-rules-engine"
PLAIN = "peer: js-yaml + plain loop"
ONE_JOB = "vetcheck, 1 job"


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


def totals(path):
    """The "N checks: a pass · b fail ..." part of the last summary line of a run's output."""
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        m = re.search(r"(\d+ checks: .*?)(\s+exit \d+)?$", line)
        if m:
            return m.group(1).strip()
    return None


def main():
    results_path, _out, jobs_flag, cores = sys.argv[1:5]
    rows = []
    for line in open(results_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        parts += [""] * (6 - len(parts))
        section, name, secs, kb, out, cpu = parts[:6]
        rows.append({"section": section, "name": name, "s": number(secs), "kb": number(kb),
                     "out": out, "cpu": number(cpu)})

    sections = []
    for r in rows:
        if r["section"] not in sections:
            sections.append(r["section"])

    def find(section, name):
        for r in rows:
            if r["section"] == section and r["name"].startswith(name):
                return r
        return None

    print()
    print("seconds: median wall time of 3 warm runs; cpu s: median user+system CPU seconds;")
    print("peak MB: median peak RSS;")
    print("× libyaml = seconds ÷ the libyaml floor's (lower is better);")
    print("rules-engine ÷ / plain-loop ÷ = the peer's seconds ÷ this row's (how many times faster)")
    header = (f"{'name':<44} {'seconds':>9} {'cpu s':>7} {'peak MB':>8} {'× libyaml':>10} "
              f"{'rules-engine ÷':>15} {'plain-loop ÷':>13}")
    for section in sections:
        print()
        print(f"-- {section}")
        if section == "one plan":
            print(f"{'name':<44} {'median':>9} {'min':>7} {'peak MB':>8}   (200 runs)")
        else:
            print(header)
        floor = find(section, FLOOR)
        rules = find(section, RULES)
        plain = find(section, PLAIN)
        for r in rows:
            if r["section"] != section:
                continue
            s, kb = r["s"], r["kb"]
            if s is None:
                print(f"{r['name']:<44} {'n/a':>9} {'n/a':>7} {'n/a':>8} {'n/a':>10} {'n/a':>15} "
                      f"{'n/a':>13}")
                continue
            if section == "one plan":
                low = f"{r['cpu'] * 1000:.2f}ms" if r["cpu"] is not None else ""
                print(f"{r['name']:<44} {s * 1000:>7.2f}ms {low:>7} {kb / 1024:>8.1f}")
                continue

            def ratio(a, b):
                return f"{a / b:.2f}×" if a and b else "—"

            cpu = f"{r['cpu']:.2f}" if r["cpu"] is not None else ""
            print(f"{r['name']:<44} {s:>9.3f} {cpu:>7} {kb / 1024:>8.1f} "
                  f"{ratio(s, floor['s'] if floor else None):>10} "
                  f"{ratio(rules['s'] if rules else None, s):>15} "
                  f"{ratio(plain['s'] if plain else None, s):>13}")

    print()
    print("-- vetcheck and the peers compute the same statuses (totals of the warm run)")
    agree = True
    for section in sections:
        if section == "one plan":
            continue
        mine = find(section, ONE_JOB)
        if not mine:
            continue
        want = totals(mine["out"])
        print(f"{section}:")
        print(f"  {'vetcheck':<36} {want}")
        jobs = [r["name"] for r in rows if r["section"] == section and r["name"].endswith(" jobs")
                and r["s"] is not None]
        for name in jobs + [PLAIN, RULES]:
            r = find(section, name)
            if not r:
                continue
            got = totals(r["out"])
            same = got == want
            agree &= same
            print(f"  {name:<36} {got}  {'(same)' if same else '(DIFFERENT)'}")
    print("  (the peers express all 71 indicators of cn-2020-7; none is left out)")

    print()
    print("-- goals of the issue (2 cores, warm cache; judged on wall time, CPU time beside it)")

    def goal(text, value, met):
        state = "n/a" if met is None else ("met" if met else "NOT MET")
        print(f"  [{state:>7}] {text}: {value}")

    school = "school corpus"
    v1 = find(school, ONE_JOB)
    vn = find(school, "vetcheck, " + cores + " jobs") if jobs_flag else None
    floor = find(school, FLOOR)
    rules = find(school, RULES)
    plain = find(school, PLAIN)
    def cpu_ratio(a, b):
        if a and b and a.get("cpu") and b.get("cpu"):
            return f" (CPU time: {a['cpu'] / b['cpu']:.2f}×)"
        return ""

    if v1 and floor:
        x = v1["s"] / floor["s"]
        goal("school corpus, 1 job, at most 1.5× libyaml's parse",
             f"{x:.2f}×{cpu_ratio(v1, floor)}", x <= 1.5)
    if vn and v1 and vn["s"]:
        x = v1["s"] / vn["s"]
        goal(f"school corpus, {cores} jobs at least 1.7× faster than 1 job", f"{x:.2f}× (wall time)",
             x >= 1.7)
    else:
        goal("school corpus, all jobs at least 1.7× faster than 1 job", "no --jobs yet", None)
    # The peers run on one thread (Node): judged against vetcheck on one job, and shown beside it
    # against vetcheck as people run it (--jobs defaults to the number of cores).
    for peer, times, text in ((rules, 10, "json-rules-engine"), (plain, 2, "js-yaml + plain loop")):
        if v1 and peer:
            x = peer["s"] / v1["s"]
            goal(f"at least {times}× faster than {text} (1 job)",
                 f"{x:.2f}×{cpu_ratio(peer, v1)}", x >= times)
        if vn and peer and vn["s"]:
            x = peer["s"] / vn["s"]
            goal(f"  … with {cores} jobs, vetcheck's default here", f"{x:.2f}× (wall time)",
                 x >= times)
    # Issue 14: the streamed JSON formats, one job, against libyaml's parse; and their size a plan
    # (the warm run's output over the corpus's plans); then the mixed corpus of school, city and
    # province plans (the examples repeated to 1,000 plans).
    # run.sh runs this from the repository's root, where the corpus is.
    plans = sum(1 for _, _, files in os.walk("bench/corpus/school")
                for f in files if f.endswith((".yaml", ".yml")))
    for fmt in ("json", "jsonl"):
        r = find(school, f"vetcheck -f {fmt}, 1 job")
        if r and r["s"] is not None and floor:
            x = r["s"] / floor["s"]
            goal(f"school corpus, -f {fmt}, 1 job, at most 2.5× libyaml's parse",
                 f"{x:.2f}×{cpu_ratio(r, floor)}", x <= 2.5)
            if plans and r["out"] and os.path.exists(r["out"]):
                kb = os.path.getsize(r["out"]) / plans / 1024
                goal(f"  … -f {fmt} at most 20 KB a plan (school corpus)", f"{kb:.1f} KB", kb <= 20)
        else:
            goal(f"school corpus, -f {fmt}, 1 job, at most 2.5× libyaml's parse", "not measured",
                 None)
    r = find(school, "vetcheck -f sqlite, 1 job")
    if r and r["s"] is not None and floor:
        x = r["s"] / floor["s"]
        goal("school corpus, -f sqlite, 1 job, at most 4× libyaml's parse",
             f"{x:.2f}×{cpu_ratio(r, floor)}", x <= 4)
        db = os.path.join(os.path.dirname(r["out"]), "results.db") if r["out"] else ""
        if plans and db and os.path.exists(db):
            print(f"   (-f sqlite: {os.path.getsize(db) / plans / 1024:.1f} KB a plan)")
    else:
        goal("school corpus, -f sqlite, 1 job, at most 4× libyaml's parse", "not measured", None)
    # The Excel workbook: no goal of its own; its time against the floor and its size a plan.
    r = find(school, "vetcheck -f xlsx, 1 job")
    if r and r["s"] is not None and floor:
        x = r["s"] / floor["s"]
        print(f"   (-f xlsx: {x:.2f}× libyaml's parse{cpu_ratio(r, floor)}, {r['kb'] / 1024:.0f} MB peak", end="")
        book = os.path.join(os.path.dirname(r["out"]), "results.xlsx") if r["out"] else ""
        if plans and book and os.path.exists(book):
            print(f", {os.path.getsize(book) / plans / 1024:.1f} KB a plan", end="")
        print(")")
    r = find(school, "vetcheck, every format at once, 1 job")
    if r and r["s"] is not None and floor:
        x = r["s"] / floor["s"]
        goal("school corpus, every format at once, 1 job, at most 6× libyaml's parse",
             f"{x:.2f}×{cpu_ratio(r, floor)}", x <= 6)
        mb = r["kb"] / 1024
        goal("  … peak memory with every format at once under 150 MB", f"{mb:.0f} MB", mb < 150)
    else:
        goal("school corpus, every format at once, 1 job, at most 6× libyaml's parse",
             "not measured", None)
    mixed_floor = find("mixed corpus", FLOOR)
    for fmt in ("json", "jsonl"):
        r = find("mixed corpus", f"vetcheck -f {fmt}, 1 job")
        if r and r["s"] is not None and mixed_floor:
            x = r["s"] / mixed_floor["s"]
            goal(f"mixed corpus (examples to 1,000 plans), -f {fmt} at most 2.5× libyaml's parse",
                 f"{x:.2f}×{cpu_ratio(r, mixed_floor)}", x <= 2.5)
            if r["out"] and os.path.exists(r["out"]):
                kb = os.path.getsize(r["out"]) / 1000 / 1024
                goal(f"  … -f {fmt} at most 20 KB a plan (mixed corpus)", f"{kb:.1f} KB", kb <= 20)
        else:
            goal(f"mixed corpus (examples to 1,000 plans), -f {fmt} at most 2.5× libyaml's parse",
                 "not measured", None)
    one = find("one plan", "vetcheck, a school report")
    if one:
        goal("one plan as a whole process under 10 ms", f"{one['s'] * 1000:.2f} ms (median)",
             one["s"] < 0.010)
    one3 = find("one plan", "vetcheck, examples/xx-city")
    if one3:
        goal("  … the same for a city plan with 3 packs", f"{one3['s'] * 1000:.2f} ms (median)",
             one3["s"] < 0.010)
    for r in (v1, vn):
        if r:
            mb = r["kb"] / 1024
            goal(f"peak memory, whole school corpus ({r['name']}), under 100 MB", f"{mb:.0f} MB",
                 mb < 100)
    big = find("big plan", ONE_JOB)
    if big:
        mb = big["kb"] / 1024
        goal("peak memory, one 50 MB plan, under 300 MB", f"{mb:.0f} MB", mb < 300)
    if not agree:
        print("\nthe totals disagree: see above")
        sys.exit(1)


if __name__ == "__main__":
    main()
