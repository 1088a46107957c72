#!/usr/bin/env python3
"""Under --lang zh no English word reaches the reader; under --lang en no Chinese but the data's.

Usage: lang_purity.py VETCHECK SOURCE_DIR [SURFACE...]
Runs every example in the terminal format and in the text formats (--all, --explain), and every
bad-input case of tests/cli/cases, in both languages, and prints each offending line with the
command that printed it. SURFACE narrows the run (reports, errors, commands); `commands` covers the
subcommands (packs, packs show, packs lint, explain, init, --help).

An English word is allowed only when it is data, never prose: identifiers the packs and plans
declare (fact keys, indicator, pack and institution ids, plan levels and types as written in a
file), file names, format and status names a machine reads, units, and the names below. Chinese
under --lang en is allowed only where it is data: names, titles and quotes the packs and plans
give, and the units and words vetcheck reads from a plan (人, 万元, 是/否).
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

vetcheck, source = sys.argv[1], pathlib.Path(sys.argv[2])
surfaces = set(sys.argv[3:]) or {"reports", "errors", "commands"}

# Names that stay as they are in a Chinese sentence: formats, encodings, the program, YAML keys as
# a file writes them.
NAMES = {"vetcheck", "YAML", "CSV", "UTF", "GB18030", "GBK", "JSON", "SARIF", "JUnit", "HTML", "BOM",
         "LE", "BE", "SQLite", "ID", "id", "true", "false", "YYYY", "MM", "DD", "U", "e", "g"}


def data_words():
    """Every identifier the shipped packs and the examples declare, split into its words."""
    words = set()
    files = list((source / "data/packs").glob("*.yaml")) + list((source / "examples").rglob("*"))
    files += list((source / "tests/cli/cases").glob("*.yaml"))
    for f in files:
        if not f.is_file():
            continue
        text = f.read_text(errors="replace")
        for token in re.findall(r"[A-Za-z][A-Za-z0-9_.\-]*", text):
            words.add(token)
    return words


DATA = data_words()
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def english_words(line):
    # Paths, file names, options, identifiers with their punctuation, and YAML keys as written.
    line = re.sub(r"\S*[/\\]\S*|\S+\.(yaml|yml|csv|json|md|xml|html|sarif|xlsx|db|txt)\b", " ", line)
    line = re.sub(r"--?[a-z][a-z0-9-]*(=\S*)?", " ", line)
    found = []
    for token in re.findall(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z]", line):
        if token in NAMES or token in DATA:
            continue
        if re.search(r"[_.\d]", token):  # an identifier or a unit with digits
            continue
        found.append(token)
    return found


def chinese_outside_data(line, data_text):
    # Chinese that is a substring of the data is data (names, quotes, units as written).
    for run in re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”—…·（）]+", line):
        if run not in data_text:
            return run
    return None


def data_corpus():
    text = []
    for f in list((source / "data/packs").glob("*.yaml")) + list((source / "examples").rglob("*")):
        if f.is_file():
            text.append(f.read_text(errors="replace"))
    # Units and words vetcheck reads from a plan, as the packs declare them.
    return "\n".join(text) + "\n人 个 万元 元 学时 倍 是 否 所 万 亿元 Σ"


DATA_TEXT = data_corpus()
failures = 0


def check(command, text, lang):
    global failures
    for line in text.splitlines():
        if lang == "zh":
            bad = english_words(line)
            if bad:
                failures += 1
                print(f"zh: {' '.join(command)}\n    {line.strip()[:200]}\n    English: {', '.join(bad)}")
        else:
            run = chinese_outside_data(line, DATA_TEXT)
            if run:
                failures += 1
                print(f"en: {' '.join(command)}\n    {line.strip()[:200]}\n    Chinese: {run}")


def run(args, lang, cwd=source, files=()):
    command = [vetcheck, "--lang", lang] + args
    env = dict(os.environ, NO_COLOR="1", LANG="C.UTF-8", COLUMNS="200")
    p = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)
    check(args, p.stdout + p.stderr, lang)
    for f in files:
        if f.endswith(".json") and os.path.exists(f):
            check(args + [f], "\n".join(json_texts(json.load(open(f)))), lang)
        elif os.path.exists(f):
            check(args + [f], open(f).read(), lang)


# Keys whose values a machine reads (ids, enums, codes, file names): not prose.
MACHINE_KEYS = {"id", "status", "file", "pack", "pack_id", "key", "fact", "unit", "notation", "value",
                "level", "type", "schema_version", "name", "version", "lang", "code", "reason_code",
                "fail_on", "subject", "lever", "uri", "packs", "region", "missing", "comparison",
                "severity", "op", "deadline", "subjects", "types", "levels", "word", "source"}


def json_texts(node, key=None):
    if isinstance(node, dict):
        for k, v in node.items():
            if k in MACHINE_KEYS and not isinstance(v, (dict, list)):
                continue
            yield from json_texts(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from json_texts(v, key)
    elif isinstance(node, str):
        yield node


examples = sorted(str(p.relative_to(source)) for p in (source / "examples").glob("*.yaml"))
examples.append("examples/schools.csv")

with tempfile.TemporaryDirectory() as tmp:
    for lang in ("zh", "en"):
        if "reports" in surfaces:
            for ex in examples:
                for extra in ([], ["--all"], ["--explain"]):
                    run(extra + [ex], lang)
                md, js, csv = (f"{tmp}/r.md", f"{tmp}/r.json", f"{tmp}/r.csv")
                run([ex, "--all", "-f", f"markdown={md}", "-f", f"json={js}", "-f", f"csv={csv}"],
                    lang, files=(md, js))
        if "errors" in surfaces:
            cases = source / "tests/cli/cases"
            for case in sorted(cases.glob("*.yaml")):
                run([case.name], lang, cwd=cases)
            run(["no-such-file.yaml"], lang)
        if "commands" in surfaces:
            for args in (["packs"], ["packs", "show", "cn-2020-7"], ["packs", "lint"],
                         ["explain", "double_qualified_teacher_share"], ["--help"],
                         ["init", "--pack", "cn-2020-7", "--level", "school", "--type", "高职"]):
                run(args, lang)

print(f"{failures} offending lines" if failures else "no offending lines")
sys.exit(1 if failures else 0)
