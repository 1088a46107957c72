#!/usr/bin/env bash
# Hostile input that is generated at test time rather than committed (a 100 MB file, nesting
# 100,000 levels deep, 20,001 institutions, a key of megabytes, unreadable paths), the limit flags
# that let it through, and reports that stay whole when checking fails part-way.
# Usage: run_hostile_tests.sh VETCHECK SOURCE_DIR
set -u
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# run NAME WANTED_EXIT MAX_SECONDS "ARGS" LINES... : the exit code, the lines, and the time taken.
run() {
  local name=$1 want=$2 limit=$3 args=$4
  shift 4
  local start ms got
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  "$vetcheck" --lang en $args >"$tmp/out" 2>&1 </dev/null
  got=$?
  ms=$((($(date +%s%N) - start) / 1000000))
  if ((ms > limit * 1000)); then
    echo "took ${ms} ms, more than ${limit} s" >>"$tmp/out"
    got="$got (too slow)"
  fi
  check "$name" "$want" "$tmp/out" "$got" "$@"
}

# --- a 100 MB file: refused at once by its size; --max-file-size lets it through ---
big=$tmp/big.yaml
{
  echo 'plan: {name: big, level: city, year: 2023}'
  line="# $(printf '%098d' 0)"
  for _ in $(seq 1024); do echo "$line"; done >"$tmp/chunk"
  for _ in $(seq 1024); do cat "$tmp/chunk"; done
} >"$big"
size=$(stat -c %s "$big")
((size > 100000000)) && ok || bad "the big file is only $size bytes"
run "a 100 MB file is refused by its size" 2 2 "$big" \
  "$big: file larger than the limit of 67108864 bytes (--max-file-size)"
run "--max-file-size lets the 100 MB file through" 1 120 "--max-file-size 200000000 $big" \
  "big (2023)" "missing data"
start=$(date +%s%N)
"$vetcheck" - <"$big" >"$tmp/out" 2>&1
got=$?
ms=$((($(date +%s%N) - start) / 1000000))
if [[ $got == 2 ]] && grep -qF "<stdin>: file larger than the limit of 67108864 bytes" "$tmp/out" && ((ms < 5000)); then
  ok
else
  bad "100 MB on standard input: exit $got after $ms ms: $(head -1 "$tmp/out")"
fi
rm -f "$big" "$tmp/chunk"
if [[ -e /dev/zero ]]; then
  run "an endless device is refused, not read to the end" 2 10 "/dev/zero" \
    "/dev/zero: file larger than the limit of 67108864 bytes (--max-file-size)"
  run "an endless pack file too" 2 10 "--pack /dev/zero examples/school-pass.yaml" \
    "/dev/zero: file larger than the limit of 67108864 bytes (--max-file-size)"
fi

# --- nesting 100,000 deep ---
head -c 100000 /dev/zero | tr '\0' '[' >"$tmp/deep.yaml"
head -c 100000 /dev/zero | tr '\0' ']' >>"$tmp/deep.yaml"
run "lists nested 100,000 deep" 2 10 "$tmp/deep.yaml" \
  "$tmp/deep.yaml:1:201: nesting deeper than 200 levels; limit --max-depth"
run "--max-depth raises the limit" 2 10 "--max-depth 1000 $tmp/deep.yaml" \
  "$tmp/deep.yaml:1:1001: nesting deeper than 1000 levels; limit --max-depth"
run "--max-depth has a ceiling the stack holds" 2 10 "--max-depth 10000 $tmp/deep.yaml" \
  "--max-depth: Value 10000 not in range 1 to 1000"
nest_maps() { local i; for ((i = 0; i < $1; i++)); do printf '{a: '; done; for ((i = 0; i < $1; i++)); do printf '}'; done; }
nest_maps 5000 >"$tmp/deep-maps.yaml"
run "mappings nested 5,000 deep" 2 10 "$tmp/deep-maps.yaml" \
  "$tmp/deep-maps.yaml:1:801: nesting deeper than 200 levels; limit --max-depth"
# Anchors that nest aliases of each other: the depth counts through the aliases.
for i in $(seq 0 40); do
  inner="*a$((i - 1))"
  ((i)) || inner=x
  printf 'a%d: &a%d %s%s%s\n' "$i" "$i" "$(printf '%.0s[' $(seq 150))" "$inner" "$(printf '%.0s]' $(seq 150))"
done >"$tmp/alias-deep.yaml"
run "aliases do not nest past the limit" 2 10 "$tmp/alias-deep.yaml" \
  "$tmp/alias-deep.yaml:2:159: nesting deeper than 200 levels; limit --max-depth"
run "--max-nodes is the flag the alias-bomb message names" 2 10 \
  "--max-nodes 100 examples/school-fail.yaml" "limit --max-nodes"

# --- many institutions ---
{
  echo 'plan: {name: many, level: city, year: 2023}'
  echo 'institutions:'
  for i in $(seq 0 20000); do echo "  - {id: s$i, type: 高职, facts: {students.full_time: 4500}}"; done
} >"$tmp/many.yaml"
run "more institutions than the limit" 2 10 "$tmp/many.yaml" \
  "$tmp/many.yaml:20003:5: institutions: more than 20000 institutions in one plan; limit --max-institutions"
run "--max-institutions lets them through, and the report is quick" 1 120 \
  "--max-institutions 20001 $tmp/many.yaml" "many (2023)" "s20000"

# --- a new unit after every number: the run's table of units stays bounded ---
{
  echo 'id,name,type,year,students.full_time'
  # units without digits (a digit would make it not a number): aa, ab, … as letters of i
  awk 'BEGIN { for (i = 0; i < 10050; i++) {
    u = ""; n = i; do { u = sprintf("%c", 97 + n % 26) u; n = int(n / 26) } while (n > 0)
    printf "s%d,S%d,中职,2023,4500x%s\n", i, i, u } }'
} >"$tmp/units.csv"
run "a spreadsheet with ten thousand different units" 2 60 "$tmp/units.csv" \
  "units.csv:2:" "unit xa does not match the fact's unit 人" \
  "more than 10000 different units in one run"

# --- a pack whose products make a new unit per factor (人^k·元^j): an error, not a crash ---
{
  printf 'pack: {id: units, title: {zh: 测试, en: test}, period: {from: 2020, to: 2023}, level: city}\n'
  printf 'facts:\n  - {key: a, zh: 甲, en: a, unit: 人, type: count, subjects: [plan]}\n'
  printf '  - {key: b, zh: 乙, en: b, unit: 元, type: amount, subjects: [plan]}\n'
  printf 'indicators:\n'
  for k in $(seq 60); do
    measure="$(printf 'a*%.0s' $(seq "$k"))$(printf 'b*%.0s' $(seq 199))b"
    printf '  - {id: i%d, name: {zh: 甲, en: a}, subject: plan, measure: "%s", op: ">=", target: 1,' "$k" "$measure"
    printf ' word: 不低于, source: {file: f.txt, section: s, quote: q}}\n'
  done
} >"$tmp/units-pack.yaml"
printf 'plan: {name: u, level: city, year: 2023, packs: [units]}\nfacts: {a: 1, b: 1}\n' >"$tmp/units-plan.yaml"
run "a pack making more than ten thousand units" 2 30 \
  "--max-expression-depth 500 --pack $tmp/units-pack.yaml $tmp/units-plan.yaml" \
  "units-pack.yaml:" "more than 10000 different units in one run"

# --- a key of megabytes ---
{
  echo 'plan: {name: x, level: school, type: 高职, year: 2023}'
  echo 'facts:'
  printf '  ? '
  head -c 5000000 /dev/zero | tr '\0' 'a'
  printf '\n  : 1\n'
} >"$tmp/long-key.yaml"
run "an unknown key of 5 MB is refused quickly, and shortly" 2 20 "$tmp/long-key.yaml" \
  "$tmp/long-key.yaml:3:5: unknown fact '$(printf 'a%.0s' $(seq 77))...'"
(($(wc -c <"$tmp/out") < 1000)) && ok || bad "the message for a 5 MB key is $(wc -c <"$tmp/out") bytes"
{
  echo 'plan: {name: x, level: school, type: 高职, year: 2023}'
  for value in 1 2; do
    printf '? '
    head -c 2000000 /dev/zero | tr '\0' 'b'
    printf '\n: %s\n' "$value"
  done
} >"$tmp/twice.yaml"
run "a key of 2 MB given twice" 2 20 "$tmp/twice.yaml" \
  "$tmp/twice.yaml:4:3: duplicate key '$(printf 'b%.0s' $(seq 77))...' (first at line 2)"
(($(wc -c <"$tmp/out") < 1000)) && ok || bad "the message for a duplicate 2 MB key is $(wc -c <"$tmp/out") bytes"

# --- expression limits, raised by their flags ---
# A measure of 500 terms, 5,000 characters, nested 500 deep: the most both flags allow.
chain=$(printf 'local.a + %.0s' $(seq 499))local.a
sed "s/^    measure: .*/    measure: $chain/" tests/cli/cases/packs/long-expression.yaml >"$tmp/chain.yaml"
printf 'plan: {name: x, level: city, year: 2023, packs: [long-expression]}\nfacts: {local.a: 3}\n' \
  >"$tmp/chain-plan.yaml"
run "--max-expression-length and --max-expression-depth at their ceiling" 1 60 \
  "--explain --max-expression-length 10000 --max-expression-depth 500 --pack $tmp/chain.yaml $tmp/chain-plan.yaml" \
  "x (2023)" "1500人"
run "--max-expression-length alone is not enough for a 500-term chain" 2 20 \
  "--max-expression-length 10000 --pack $tmp/chain.yaml $tmp/chain-plan.yaml" \
  "expression nested deeper than 64 levels"
run "--max-expression-depth has a ceiling" 2 5 "--max-expression-depth 501 examples/school-pass.yaml" \
  "--max-expression-depth: Value 501 not in range 1 to 500"

# --- paths that are not readable plan files ---
mkdir -p "$tmp/dir.yaml"
run "a directory named like a plan holds no plans" 2 5 "$tmp/dir.yaml" "no .yaml or .yml files found"
run "a path through a file" 2 5 "examples/school-pass.yaml/plan.yaml" \
  "examples/school-pass.yaml/plan.yaml: cannot read the file: Not a directory"
ln -s "$tmp/nowhere.yaml" "$tmp/dangling.yaml"
run "a dangling link" 2 5 "$tmp/dangling.yaml" "$tmp/dangling.yaml: cannot read the file: No such file or directory"
cp examples/school-pass.yaml "$tmp/locked.yaml"
chmod 000 "$tmp/locked.yaml"
if [[ -r $tmp/locked.yaml ]]; then
  echo "skip an unreadable file: running as root, which reads it anyway"
else
  run "an unreadable file" 2 5 "$tmp/locked.yaml" "$tmp/locked.yaml: cannot read the file: Permission denied"
fi

# --- reports stay whole: an input that cannot be checked is in every report, beside the others ---
# reported NAME "ARGS" BAD FILE... : exit 2, each FILE replaced by this run's report naming the
# input BAD that could not be checked, no FILE.tmp* left (issue 14: reports with errors in them).
reported() {
  local name=$1 args=$2 bad_input=$3 f ok=1
  shift 3
  for f in "$@"; do echo "previous report" >"$f"; done
  # shellcheck disable=SC2086
  "$vetcheck" --lang en $args >"$tmp/out" 2>&1 </dev/null
  local got=$?
  [[ $got == 2 ]] || { echo "FAIL $name: exit $got, expected 2"; ok=0; }
  grep -qF "the report files list them as errors (exit 2)" "$tmp/out" || { echo "FAIL $name: no word that the reports hold errors"; ok=0; }
  for f in "$@"; do
    [[ $(cat "$f") != "previous report" ]] || { echo "FAIL $name: $f was not written"; ok=0; }
    grep -qF -- "$(basename "$bad_input")" "$f" || { echo "FAIL $name: $f does not name $bad_input"; ok=0; }
    if compgen -G "$f.tmp*" >/dev/null; then echo "FAIL $name: a temporary file was left: $(echo "$f".tmp*)"; ok=0; fi
  done
  if ((ok)); then pass=$((pass + 1)); else fail=$((fail + 1)); sed 's/^/    | /' "$tmp/out" | head -10; fi
}
# untouched NAME "ARGS" FILE... : exit 2 before any plan is checked (a bad pack): FILE as it was.
untouched() {
  local name=$1 args=$2 f ok=1
  shift 2
  for f in "$@"; do echo "previous report" >"$f"; done
  # shellcheck disable=SC2086
  "$vetcheck" --lang en $args >"$tmp/out" 2>&1 </dev/null
  local got=$?
  [[ $got == 2 ]] || { echo "FAIL $name: exit $got, expected 2"; ok=0; }
  for f in "$@"; do
    [[ $(cat "$f") == "previous report" ]] || { echo "FAIL $name: $f was changed"; ok=0; }
    if compgen -G "$f.tmp*" >/dev/null; then echo "FAIL $name: a temporary file was left: $(echo "$f".tmp*)"; ok=0; fi
  done
  if ((ok)); then pass=$((pass + 1)); else fail=$((fail + 1)); sed 's/^/    | /' "$tmp/out" | head -10; fi
}
good="examples/school-pass.yaml examples/school-fail.yaml examples/xx-city.yaml"
reported "the last of several files is bad" "-o $tmp/r.txt $good tests/cli/cases/bad-number.yaml" \
  tests/cli/cases/bad-number.yaml "$tmp/r.txt"
reported "the first of several files is bad" "-o $tmp/r.txt tests/cli/cases/bad-number.yaml $good" \
  tests/cli/cases/bad-number.yaml "$tmp/r.txt"
reported "a file in the middle is bad" "-o $tmp/r.txt examples/school-pass.yaml tests/cli/cases/malformed.yaml examples/school-fail.yaml" \
  tests/cli/cases/malformed.yaml "$tmp/r.txt"
reported "every format to its own file, the last input bad" \
  "-f json=$tmp/r.json -f jsonl=$tmp/r.jsonl -f sarif=$tmp/r.sarif -f junit=$tmp/r.xml -f csv=$tmp/r.csv -f csv-matrix=$tmp/m.csv -f markdown=$tmp/r.md -f html=$tmp/r.html $good tests/cli/cases/not-utf8.yaml" \
  tests/cli/cases/not-utf8.yaml "$tmp/r.json" "$tmp/r.jsonl" "$tmp/r.sarif" "$tmp/r.xml" "$tmp/r.csv" "$tmp/m.csv" "$tmp/r.md" "$tmp/r.html"
# The two file formats, fresh (a database appends to an existing one and refuses a foreign file):
# the database keeps its text uncompressed; the workbook is a zip, read through Python's zipfile.
rm -f "$tmp/r.db" "$tmp/r.xlsx"
# shellcheck disable=SC2086  # $good is a list of files
"$vetcheck" --lang en -f sqlite="$tmp/r.db" -f xlsx="$tmp/r.xlsx" $good tests/cli/cases/not-utf8.yaml >"$tmp/out" 2>&1 </dev/null
got=$?
if [[ $got == 2 ]] && grep -qF not-utf8.yaml "$tmp/r.db" && ! compgen -G "$tmp/r.db.tmp*" >/dev/null &&
  python3 -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sys.exit(0 if any(sys.argv[2] in z.read(n).decode() for n in z.namelist() if n.startswith("xl/")) else 1)' \
    "$tmp/r.xlsx" not-utf8.yaml 2>>"$tmp/out"; then
  ok
else
  bad "the results database and the workbook, the last input bad: exit $got, $(head -3 "$tmp/out")"
fi
if command -v xmllint >/dev/null && [[ -f tests/report/junit.xsd ]]; then
  if xmllint --noout --schema tests/report/junit.xsd "$tmp/r.xml" >"$tmp/xsd" 2>&1; then ok; else bad "JUnit with an error suite is not valid: $(head -3 "$tmp/xsd")"; fi
fi
mkdir -p "$tmp/plans"
cp examples/school-pass.yaml "$tmp/plans/a.yaml"
cp examples/school-fail.yaml "$tmp/plans/b.yaml"
cp tests/cli/cases/alias-bomb.yaml "$tmp/plans/z.yaml"
reported "a directory whose last plan is an alias bomb" "-o $tmp/r.txt $tmp/plans" z.yaml "$tmp/r.txt"
untouched "a bad pack after good plans" "-o $tmp/r.txt --pack tests/cli/cases/packs/syntax-error.yaml $good" "$tmp/r.txt"
reported "nesting 100,000 deep as the last input" "-o $tmp/r.txt $good $tmp/deep.yaml" deep.yaml "$tmp/r.txt"
# A report that cannot be moved into place is an error, and its temporary file is removed.
mkdir -p "$tmp/taken"
"$vetcheck" --lang en -o "$tmp/taken" examples/school-pass.yaml >"$tmp/out" 2>&1
got=$?
if [[ $got == 2 ]] && grep -qF "$tmp/taken: cannot write the report: it is a directory" "$tmp/out" && ! compgen -G "$tmp/taken.tmp*" >/dev/null; then
  ok
else
  bad "a report onto a directory: exit $got, $(head -1 "$tmp/out"), left: $(echo "$tmp"/taken.tmp*)"
fi
run "a report into a directory that does not exist" 2 5 "-o $tmp/no/such/dir/r.txt examples/school-pass.yaml" \
  "$tmp/no/such/dir/r.txt: cannot write the report file"
# And a good run writes it whole.
run "a good run writes the report" 0 10 "-o $tmp/r.txt examples/school-pass.yaml"
grep -qF "exit 0" "$tmp/r.txt" && ok || bad "the report of a good run: $(head -2 "$tmp/r.txt")"

finish
