#!/usr/bin/env python3
"""Writes docs/messages.md from the catalogue in src/base/messages.cpp (MessagesTest checks that the
document lists every code): python3 tests/tools/write_messages_doc.py"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
source = (root / "src/base/messages.cpp").read_text()
body = source[source.index("kCatalogue = {"):source.index("\n};", source.index("kCatalogue = {"))]
entry = re.compile(r'\{\s*"([LPRE]-[a-z0-9-]+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}', re.S)


def literal(text):
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', text)
    return "".join(parts).replace('\\"', '"').replace("|", "\\|")


groups = {"E": "Input errors", "R": "Result reasons", "L": "Words of the reports",
          "P": "Phrases set into other messages"}
rows = {k: [] for k in groups}
for m in entry.finditer(body):
    rows[m.group(1)[0]].append(f"| `{m.group(1)}` | {literal(m.group(2))} | {literal(m.group(3))} |")

out = ["# Message codes", "",
       "Every text vetcheck shows a user has a stable code and is written once, in both languages, in",
       "`src/base/messages.cpp`. Input errors carry their code in the JSON (`code`) and SARIF (`ruleId`)",
       "output, and results their reason's code (`reason_code`): match on the code, never on the text,",
       "which follows `--lang`. A code is never reused for another meaning. `{name}` is an argument.",
       "This file is written by `python3 tests/tools/write_messages_doc.py`.", "",
       "Chinese is written as an official writes it: full-width punctuation inside a Chinese sentence",
       "（，。；：（）“”）, and no space between Chinese words, nor between a number or an argument and",
       "the Chinese beside it (`需增加4人（专职思政课教师数9→13）`, `第3行`, `71项指标`). A space stays",
       "only around what a reader types as written (`-f json`, `level: school`) and between the columns",
       "of a layout. MessagesTest checks the punctuation and the spacing.", ""]
for key, title in groups.items():
    out += [f"## {title}", "", "| code | English | 中文 |", "|---|---|---|"] + rows[key] + [""]
(root / "docs/messages.md").write_text("\n".join(out))
