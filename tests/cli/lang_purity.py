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
import csv
import html
import io
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

vetcheck, source = os.path.abspath(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve()
surfaces = set(sys.argv[3:]) or {"reports", "errors", "commands"}
# `punctuation` adds ASCII , ; : inside Chinese sentences to what offends (not yet clean: see the
# report of issue 15; not part of the ctests until it is).
PUNCTUATION = "punctuation" in surfaces
surfaces.discard("punctuation")
surfaces = surfaces or {"reports", "errors", "commands"}

# Names that stay as they are in a Chinese sentence: formats, encodings, the program, YAML keys as
# a file writes them.
NAMES = {"vetcheck", "YAML", "CSV", "UTF", "GB18030", "GBK", "JSON", "SARIF", "JUnit", "HTML", "BOM",
         "LE", "BE", "SQLite", "ID", "id", "true", "false", "YYYY", "MM", "DD", "U", "e", "g",
         # the subcommands, as typed
         "packs", "show", "lint", "explain", "init", "diff", "rollup", "history"}


# The test's own inputs beyond the examples: their names and values are data too (the packs the
# bad-input cases load, with their ids and their misspelt names, among them).
TEST_INPUTS = [source / "tests/cli/weak-pack.yaml"] + list((source / "tests/cli/authoring").glob("*"))
TEST_INPUTS += list((source / "tests/cli/cases/packs").glob("*.yaml"))


def data_words():
    """Every identifier the shipped packs and the examples declare, split into its words."""
    words = set()
    files = list((source / "data/packs").glob("*.yaml")) + list((source / "examples").rglob("*"))
    files += list((source / "tests/cli/cases").glob("*.yaml")) + TEST_INPUTS
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
    # Paths, file names, options, identifiers with their punctuation, YAML keys as written, and the
    # markup of Markdown and HTML (<details>, <summary>): tags, not prose.
    line = re.sub(r"</?[a-z][a-z0-9]*(\s[^>]*)?>", " ", line)
    # A key prefix (`counselors.*`) and the value of an `id:` (an identifier to replace) are data.
    line = re.sub(r"\b[a-z_]+\.\*|^\s*(- )?id: \S+", " ", line)
    line = re.sub(r"\S*[/\\]\S*|\S+\.(yaml|yml|csv|json|md|xml|html|sarif|xlsx|db|txt)\b", " ", line)
    line = re.sub(r"(?<![A-Za-z0-9_])--?[a-z][a-z0-9-]*(=\S*)?", " ", line)
    found = []
    for token in re.findall(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9]|[A-Za-z]", line):
        if token in NAMES or token in DATA:
            continue
        if re.search(r"[_.\d]", token):  # an identifier or a unit with digits
            continue
        found.append(token)
    return found


def chinese_outside_data(line, data_text):
    # Chinese that is a substring of the data is data (names, quotes, units as written). A quote or a
    # title is cut at its digits and its punctuation (“”《》（）), which the report may add or the
    # data may spell otherwise, so each piece between them is looked up on its own.
    for run in re.findall(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+", line):
        for piece in re.split(r"[\u3000-\u303f\uff00-\uffef]+", run):
            if piece and piece not in data_text:
                return piece
    return None


def data_corpus():
    text = []
    files = list((source / "data/packs").glob("*.yaml")) + list((source / "examples").rglob("*"))
    files += list((source / "tests/cli/cases").glob("*.yaml")) + TEST_INPUTS  # values a test quotes
    for f in files:
        if f.is_file():
            text.append(f.read_text(errors="replace"))
    # Units and words vetcheck reads from a plan, as the packs declare them.
    return "\n".join(text) + "\n人 个 万元 元 学时 倍 是 否 所 万 亿元 Σ"


DATA_TEXT = data_corpus()
failures = 0
# Commands whose offending lines are known and not yet converted, each with why: their lines are
# printed as `open:` and do not fail the run; a command on this list that no longer offends fails
# it, so that the list only shrinks. Never a word list: the whole command's output stays checked.
KNOWN_OPEN = {
    "--help": "CLI11's help formatter writes English headings and descriptions",
    "packs lint": "CLI11's own error for a missing argument (`Run with --help ...`)",
}
open_seen = set()
open_clean = set()


# ASCII punctuation inside a Chinese sentence (“空值: 空值检查”, “达标; 未达标”): a Chinese
# official writes ：，；. A `key:` form or an English word before it is not matched.
ASCII_PUNCT_IN_ZH = re.compile(r"[\u4e00-\u9fff“”）》][,;:?!]|[,;]\s*[\u4e00-\u9fff]")
TEXT_FORMATS = ("markdown", "json", "csv", "html", "junit", "sarif", "jsonl", "github", "csv-matrix")


def known_open(command):
    joined = " ".join(command)
    return next((k for k in KNOWN_OPEN if k == joined or (k.startswith("packs/") and k in joined)
                 or (k.startswith("--") and k in command)), None)


def check(command, text, lang, quoted=frozenset()):
    """Print each offending line of `text`; `quoted` holds the input's own lines, which an input
    error shows under its message (data, not prose)."""
    global failures
    before = failures
    open_key = known_open(command)
    for line in text.splitlines():
        if line.strip() and line.strip() in quoted:
            continue
        if lang == "zh":
            bad = english_words(line)
            punct = PUNCTUATION and next((m for m in ASCII_PUNCT_IN_ZH.finditer(line)
                                          if m.group(0) not in DATA_TEXT), None)
            if punct:
                bad.append(f"ASCII punctuation “{punct.group(0)}”")
            if bad:
                failures += 1
                print(f"zh: {' '.join(command)}\n    {line.strip()[:200]}\n    English: {', '.join(bad)}")
        else:
            run = chinese_outside_data(line, DATA_TEXT)
            if run:
                failures += 1
                print(f"en: {' '.join(command)}\n    {line.strip()[:200]}\n    Chinese: {run}")
    if open_key:
        # A known, open command: report its lines as open, not as failures.
        if failures > before:
            open_seen.add(open_key)
            print(f"    (open: {KNOWN_OPEN[open_key]})")
            failures = before
        else:
            open_clean.add((open_key, lang))


def run(args, lang, cwd=source, files=(), quoted=frozenset()):
    command = [vetcheck, "--lang", lang] + args
    env = dict(os.environ, NO_COLOR="1", LANG="C.UTF-8", COLUMNS="200")
    p = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, errors="replace")
    check(args, p.stdout + p.stderr, lang, quoted)
    for f in files:
        if os.path.exists(f):
            check(args + [f], report_text(f, lang), lang)


# Statuses as a machine format writes them (a CSV cell, a JUnit outcome): names, not prose.
STATUS_NAMES = {"pass", "fail", "missing", "error", "not-due", "n/a", "advisory", "waived", "behind",
                "on-track", "skipped", "true", "false"}


def report_text(path, lang):
    """The text a person reads in a report file, one piece a line: the prose of JSON (and JSON
    Lines, SARIF), the cells of CSV but its header and statuses, the text and the messages of JUnit
    and HTML but their markup, style and script, and GitHub annotations after their `::` fields."""
    raw = open(path, encoding="utf-8-sig").read()
    ext = path.rsplit(".", 1)[-1]
    if ext in ("json", "sarif"):
        return "\n".join(json_texts(json.loads(raw), lang))
    if ext == "jsonl":
        return "\n".join(s for line in raw.splitlines() if line for s in json_texts(json.loads(line), lang))
    if ext in ("csv", "csv-matrix"):
        rows = list(csv.reader(io.StringIO(raw)))[1:]
        return "\n".join(c for row in rows for c in row if c not in STATUS_NAMES)
    if ext in ("html", "junit"):
        raw = re.sub(r"<(style|script)\b.*?</\1>", " ", raw, flags=re.S)
        raw = re.sub(r"<\?xml[^>]*\?>", " ", raw)
        messages = re.findall(r'\b(?:message|title|aria-label)="([^"]*)"', raw)
        text = re.sub(r"<[^>]*>", "\n", raw)
        return html.unescape("\n".join(messages) + "\n" + text)
    if ext == "github":
        return "\n".join(re.sub(r"^::\w+ [^:]*::", "", line).replace("%0A", "\n")
                         for line in raw.splitlines())
    return raw


# Keys whose values a machine reads (ids, enums, codes, file names): not prose.
MACHINE_KEYS = {"id", "status", "file", "pack", "pack_id", "key", "fact", "unit", "notation", "value",
                "level", "type", "schema_version", "name", "version", "lang", "code", "reason_code",
                "fail_on", "subject", "lever", "uri", "packs", "region", "missing", "comparison",
                "severity", "op", "deadline", "subjects", "types", "levels", "word", "source",
                "uriBaseId", "columnKind"}


def json_texts(node, lang, key=None):
    """The prose of a JSON report: every string but the machine keys' values (or lists of them) and
    the other language's half of a bilingual field ({"en": …, "zh": …})."""
    other = "en" if lang == "zh" else "zh"
    if isinstance(node, dict):
        for k, v in node.items():
            scalars = isinstance(v, list) and all(not isinstance(x, (dict, list)) for x in v)
            if k == other or (k in MACHINE_KEYS and (scalars or not isinstance(v, (dict, list)))):
                continue
            yield from json_texts(v, lang, k)
    elif isinstance(node, list):
        for v in node:
            yield from json_texts(v, lang, key)
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
                # Every format that carries text a person reads (sqlite and xlsx hold the same
                # records as json and csv).
                files = {f: f"{tmp}/r.{f}" for f in TEXT_FORMATS}
                run([ex, "--all"] + [a for f, path in files.items() for a in ("-f", f"{f}={path}")],
                    lang, files=tuple(files.values()))
            # A batch: its summary line and the --summary report.
            run(examples[:5], lang)
            run(["--summary"] + examples[:5], lang)
        if "errors" in surfaces:
            cases = source / "tests/cli/cases"
            for case in sorted(cases.glob("*.yaml")):
                # The case's own arguments (the second line of NAME.expect: `args ...`).
                expect = case.with_suffix(".expect")
                lines = expect.read_text().splitlines() if expect.exists() else []
                args = lines[1][len("args "):].split() if len(lines) > 1 and lines[1].startswith("args ") else []
                # As written, and as a reader decodes a file that is not UTF-8 (shown as read).
                quoted = {l.strip() for enc in ("utf-8", "gb18030", "latin-1")
                          for l in case.read_bytes().decode(enc, errors="replace").splitlines()}
                for arg in args:
                    if (cases / arg).is_file():
                        quoted |= {l.strip() for l in (cases / arg).read_text(errors="replace").splitlines()}
                run(args + [case.name], lang, cwd=cases, quoted=frozenset(quoted))
            run(["no-such-file.yaml"], lang)
        if "commands" in surfaces:
            authoring, rollup = "tests/cli/authoring", "examples/rollup/zhejiang"
            for args in (["packs"], ["packs", "show", "cn-2020-7"], ["packs", "lint"],
                         ["--pack", "tests/cli/weak-pack.yaml", "packs", "lint", "weak-demo"], ["packs", "lint", "sx-2023"],
                         ["explain", "double_qualified_teacher_share"],
                         ["explain", "ideological_teacher_ratio"], ["--help"],
                         ["init", "--pack", "cn-2020-7", "--level", "school", "--type", "高职"],
                         ["init", "--pack", "zj-2021", "--level", "city"],
                         ["diff", f"{authoring}/draft-1.yaml", f"{authoring}/draft-2.yaml"],
                         ["rollup", "examples/zhejiang-province.yaml", rollup]):
                run(args, lang)
            # `history` on a database the examples were checked into in the same language (its
            # values are stored as that run showed them); an unknown id names the near ones.
            db = f"{tmp}/results-{lang}.db"
            subprocess.run([vetcheck, "--lang", lang, "-f", f"sqlite={db}", "examples/"], cwd=source,
                           capture_output=True)
            for args in (["history", "xx-tech-poly-2023", "--db", db],
                         ["history", "xx-city-2023-midterm", "--db", db, "-f", "markdown"],
                         ["history", "zj-2021", "--db", db],
                         ["history", "xx-tech-poly-2023", "--db", f"{tmp}/no-such.db"]):
                run(args, lang)

for key, lang in sorted(open_clean):
    if key not in open_seen:
        failures += 1
        print(f"{lang}: `{key}` no longer offends: remove it from KNOWN_OPEN")
print(f"{failures} offending lines" if failures else "no offending lines")
sys.exit(1 if failures else 0)
