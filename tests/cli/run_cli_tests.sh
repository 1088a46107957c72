#!/usr/bin/env bash
# Runs the built vetcheck binary the way users do and checks exit codes and key lines of the output.
# Usage: run_cli_tests.sh VETCHECK SOURCE_DIR
#
# Data cases: tests/cli/cases/NAME.yaml is checked with `vetcheck --lang en NAME.yaml` (run inside
# tests/cli/cases); NAME.expect says `exit N` on its first line, optionally `args ...` on the next,
# and every further line must occur verbatim in the combined output.
set -u

# Each section is a test of its own (tests/CMakeLists.txt registers one per `section` line): with
# ONLY=SECTION, every command still runs, since later sections build on earlier ones' files, but only
# that section's checks count. Without ONLY, all of them do.
current=""
section() { current=$1; }
selected() { [[ -z ${ONLY:-} || $current == "$ONLY" ]]; }
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

run() {  # run NAME WANTED_EXIT "ARGS" LINES...
  selected || return 0
  local name=$1 want=$2 args=$3
  shift 3
  # shellcheck disable=SC2086
  "$vetcheck" $args >"$tmp/out" 2>&1 </dev/null
  check "$name" "$want" "$tmp/out" $? "$@"
}


section "the examples"
run "example that passes" 0 "--lang en examples/school-pass.yaml" \
  "✓ Full-time ideological-political teacher ratio" "exit 0"
run "example that fails" 1 "--lang en examples/school-fail.yaml" \
  "✗ Full-time ideological-political teacher ratio" "1:500  needs ≥1:350" \
  "4 more full-time ideological-political teachers (9 → 13人)" \
  "missing data: informatization.digital_campus_standard" "advisory; 100 more practical teaching hours"
run "Chinese labels" 1 "--lang zh examples/school-fail.yaml" \
  "需增加4人（专职思政课教师数9→13）" "退出码 1"
LANG=zh_CN.UTF-8 "$vetcheck" examples/school-fail.yaml >"$tmp/out" 2>&1
check "Chinese from the locale" 1 "$tmp/out" $? "对照 教职成〔2020〕7号"
run "several plans in one call" 1 "--lang en examples/school-pass.yaml examples/school-fail.yaml" \
  "examples/school-pass.yaml" "examples/school-fail.yaml" "2 plans —"
run "a directory of plans" 1 "--lang en examples" "examples/school-pass.yaml" "examples/school-fail.yaml"
"$vetcheck" --lang en - <examples/school-pass.yaml >"$tmp/out" 2>&1
check "a plan on standard input" 0 "$tmp/out" $? "<stdin>"
run "advisory can fail the run" 1 "--lang en --fail-on advisory examples/school-pass.yaml examples/school-fail.yaml"
run "missing data need not fail the run" 1 "--lang en --fail-on fail examples/school-fail.yaml"
run "--all lists what does not apply" 1 "--lang en --all examples/school-fail.yaml" "checked at national level"

run "--explain substitutes the plan's values" 1 "--lang en --explain examples/school-fail.yaml" \
  "= 9 / 4500 >= 1:350" "teachers.ideological_political = 9人  (examples/school-fail.yaml:13:35)" \
  "“严格按照师生比不低于1:350的比例核定专职思政课教师岗位” — 教职成〔2020〕7号 二、(一) 3."
run "an unknown format" 2 "-f jsn examples/school-pass.yaml" "unknown format 'jsn', did you mean 'json'?"
run "two formats on standard output" 2 "-f term -f markdown examples/school-pass.yaml" "only one format can go to standard output"
rm -f "$tmp/r.json"
run "a format written to a file beside the terminal report" 0 "--lang en -f json=$tmp/r.json -f term examples/school-pass.yaml" "exit 0"
if [[ -s $tmp/r.json ]]; then ok; else bad "json=FILE wrote nothing"; fi
run "--pack takes one file, the plan after it is a plan" 0 "--pack data/packs/cn-2020-7.yaml examples/school-pass.yaml" "exit 0"

section "batches: the same bytes whatever the number of threads, a bad file does not stop the others"
mkdir -p "$tmp/batch"
for i in $(seq 1 12); do cp examples/school-fail.yaml "$tmp/batch/s$i.yaml"; cp examples/xx-city.yaml "$tmp/batch/c$i.yaml"; done
cp examples/zhejiang-province.yaml "$tmp/batch/"
"$vetcheck" --lang en -j 1 "$tmp/batch" >"$tmp/j1" 2>&1
"$vetcheck" --lang en -j 4 "$tmp/batch" >"$tmp/j4" 2>&1
if cmp -s "$tmp/j1" "$tmp/j4" && [[ -s $tmp/j1 ]]; then ok; else bad "-j 1 and -j 4 differ"; fi
cp tests/cli/cases/bad-number.yaml "$tmp/batch/m-bad.yaml"
run "a directory with one bad file" 2 "--lang en -j 3 $tmp/batch" "m-bad.yaml:4:23: teachers.double_qualified" \
  "$tmp/batch/s9.yaml" "$tmp/batch/c12.yaml" "25 plans —"

rm -f "$tmp/batch/m-bad.yaml"
run "a batch summary" 1 "--lang en --summary $tmp/batch examples/school-pass.yaml" \
  "Batch summary — 26 plans" "Pass rate per indicator (checks that apply and are due):" \
  "Full-time ideological-political teacher ratio" "Plans with the lowest pass rate:" \
  "Largest gaps (relative to the target):"

# --summary in every mode: beside report files (printed, not dropped), and into -o
rm -f "$tmp/m.csv" "$tmp/r.html" "$tmp/sum.txt"
run "--summary beside report files is printed" 1 \
  "--lang en --summary $tmp/batch -f csv-matrix=$tmp/m.csv -f html=$tmp/r.html" "Batch summary — 25 plans"
if [[ -s $tmp/m.csv && -s $tmp/r.html ]]; then ok; else bad "--summary beside files: a report file is missing"; fi
run "--summary -o writes the summary, not every plan" 1 "--lang en --summary -o $tmp/sum.txt $tmp/batch"
if grep -qF "Batch summary — 25 plans" "$tmp/sum.txt" && ! grep -qF "exit 1" "$tmp/sum.txt"; then
  ok
else
  bad "--summary -o"
fi

section "json and jsonl: streamed, the same bytes for any -j, bad inputs in the report, jq"
for format in json jsonl; do
  "$vetcheck" --lang en -j 1 -f $format "$tmp/batch" >"$tmp/j1.$format" 2>&1
  "$vetcheck" --lang en -j 4 -f $format "$tmp/batch" >"$tmp/j4.$format" 2>&1
  if cmp -s "$tmp/j1.$format" "$tmp/j4.$format" && [[ -s $tmp/j1.$format ]]; then ok; else bad "-f $format: -j 1 and -j 4 differ"; fi
done
# One line for the run, one a plan, one for the summary; what jq reads of them (docs/reports.md).
if [[ $(wc -l <"$tmp/j1.jsonl") == 27 ]] &&
  [[ $(jq -r 'select(.type == "plan") | .id' "$tmp/j1.jsonl" | wc -l) == 25 ]] &&
  [[ $(jq -r 'select(.type == "summary") | "\(.plans) \(.errors) \(.fail)"' "$tmp/j1.jsonl") == "25 0 "* ]]; then
  ok
else
  bad "-f jsonl: $(wc -l <"$tmp/j1.jsonl") lines; $(tail -c 300 "$tmp/j1.jsonl")"
fi
# The failing results with their indicator's English name from the run line's dictionary.
jq -rn 'input as $run
  | ([$run.packs[] | .id as $p | .indicators[] | {key: "\($p)/\(.id)", value: .name.en}] | from_entries) as $names
  | inputs | select(.type == "plan") | .file as $file
  | .results[] | select(.status == "fail")
  | [$file, $names["\(.pack)/\(.indicator)"], .actual.text, .target.text] | @tsv' \
  "$tmp/j1.jsonl" >"$tmp/jq.out" 2>&1
if grep -qF "$tmp/batch/s1.yaml	Full-time ideological-political teacher ratio	1:500	≥1:350" "$tmp/jq.out"; then
  ok
else
  bad "jq over jsonl: $(head -3 "$tmp/jq.out")"
fi
# A bad input is an entry of the report, and the run still exits 2.
cp tests/cli/cases/bad-number.yaml "$tmp/batch/m-bad.yaml"
run "-f jsonl: a bad input is an error line" 2 "--lang en -f jsonl $tmp/batch" \
  "{\"type\":\"error\",\"file\":\"$tmp/batch/m-bad.yaml\",\"line\":4,\"column\":23,\"message\":\"teachers.double_qualified" \
  "{\"type\":\"summary\",\"plans\":25,\"errors\":1,"
run "-f json: a bad input is an entry of errors" 2 "--lang en -f json $tmp/batch" \
  "\"errors\": [" "\"file\": \"$tmp/batch/m-bad.yaml\"," "\"plans\": 25," "\"errors\": 1,"
rm -f "$tmp/batch/m-bad.yaml"
rm -f "$tmp/r.jsonl"
run "-f jsonl=FILE" 1 "--lang zh -f jsonl=$tmp/r.jsonl -f term examples/school-fail.yaml" "退出码 1"
if [[ $(jq -r 'select(.type == "run") | .options.lang' "$tmp/r.jsonl") == zh ]]; then ok; else bad "jsonl=FILE: $(head -c 200 "$tmp/r.jsonl")"; fi

section "paths: every format writes an input's path the same way"
# One batch naming its inputs three ways: "./", a ".." step, and an absolute path inside the working
# directory; and one input outside it, which stays absolute. Every format writes the same strings.
# Each plan fails something, so that SARIF and GitHub annotations, which list problems, name it.
mkdir -p "$tmp/outside"
cp examples/school-fail.yaml "$tmp/outside/elsewhere.yaml"
rm -rf "$tmp/paths"
mkdir -p "$tmp/paths"
paths_args="--lang en ./examples/school-fail.yaml examples/../examples/xx-city.yaml $PWD/examples/shanxi-city.yaml $tmp/outside/elsewhere.yaml"
for format in term json jsonl csv csv-matrix html junit sarif markdown github; do
  # shellcheck disable=SC2086
  "$vetcheck" $paths_args -f "$format=$tmp/paths/r.$format" >/dev/null 2>&1
done
# shellcheck disable=SC2086
"$vetcheck" $paths_args -f "sqlite=$tmp/paths/r.db" -f "xlsx=$tmp/paths/r.xlsx" >/dev/null 2>&1
if selected; then
  sqlite3 "$tmp/paths/r.db" 'SELECT file FROM plans ORDER BY file' >"$tmp/paths/r.sqlite" 2>&1
  # The workbook's sheets hold their strings inline (libxlsxwriter's constant-memory mode).
  unzip -p "$tmp/paths/r.xlsx" 'xl/worksheets/*.xml' >"$tmp/paths/r.xlsx-sheets" 2>&1
fi
for written in "$tmp"/paths/r.{term,json,jsonl,csv,csv-matrix,html,junit,sarif,markdown,github,sqlite,xlsx-sheets}; do
  selected || break
  name=${written##*/r.}
  good=1
  for path in examples/school-fail.yaml examples/xx-city.yaml examples/shanxi-city.yaml "$tmp/outside/elsewhere.yaml"; do
    grep -qF -- "$path" "$written" || { bad "paths: -f $name does not write $path"; good=0; }
  done
  # No input written as given: with "./", with "..", or absolute inside the working directory.
  for given in "./examples/" "examples/../" "$PWD/examples/"; do
    grep -qF -- "$given" "$written" && { bad "paths: -f $name writes ${given}…: $(grep -oF -- "$given" "$written" | head -1)"; good=0; }
  done
  ((good)) && ok
done

section "csv-matrix: columns from every pack, rows as plans arrive"
# A user's pack (--pack) adds its indicators to the columns, whether or not a plan names it; a plan
# that does not answer to a pack has its cells empty, one that does has its status there.
cat >"$tmp/local-pack.yaml" <<'PACK'
pack: {id: local-demo, title: 本地示例, period: {from: 2020, to: 2025}, level: city, extends: [cn-2020-7]}
facts:
  - {key: local.fairs, zh: 招聘会场次, en: job fairs, unit: 场, type: count, subjects: [plan]}
indicators:
  - id: local_job_fairs
    name: {zh: 招聘会场次, en: job fairs}
    subject: plan
    measure: local.fairs
    op: ">="
    target: 2场
    word: 不少于
    source: {file: local.txt, section: 一, quote: 每年举办招聘会不少于2场}
PACK
printf 'plan: {id: local-city, name: 本地市, level: city, year: 2025, packs: [local-demo]}\nfacts: {local.fairs: 1}\n' \
  >"$tmp/local-city.yaml"
run "csv-matrix with a --pack file" 1 \
  "--lang en --pack $tmp/local-pack.yaml -f csv-matrix=$tmp/local.csv examples/school-fail.yaml $tmp/local-city.yaml"
if selected; then
  header=$(head -1 "$tmp/local.csv")
  column=$(tr ',' '\n' <<<"$header" | grep -nx local_job_fairs | cut -d: -f1)
  cells=$(cut -d, -f"${column:-1}" "$tmp/local.csv" | tail -n +2 | tr -d '\r' | paste -sd '|')
  if [[ -n $column && $cells == "|fail" ]] && grep -qF ",graduate_local_retention," <<<"$header"; then
    ok
  else
    bad "csv-matrix: the --pack indicator is not a column, or its cells are wrong ('$cells')"
  fi
fi
# The same columns in every run over the same packs: a batch's files can be stacked.
"$vetcheck" -f csv-matrix examples/school-pass.yaml 2>/dev/null | head -1 >"$tmp/h1"
"$vetcheck" -f csv-matrix examples/zhejiang-province.yaml 2>/dev/null | head -1 >"$tmp/h2"
if selected; then
  if cmp -s "$tmp/h1" "$tmp/h2" && [[ -s $tmp/h1 ]]; then ok; else bad "csv-matrix: the header depends on the plans"; fi
fi

section "markdown: a 2,000-plan batch within GitHub's comment limit"
if selected; then
  mkdir -p "$tmp/md2000"
  for i in $(seq 1 1000); do
    cp examples/school-pass.yaml "$tmp/md2000/a$i.yaml"
    cp examples/school-fail.yaml "$tmp/md2000/b$i.yaml"
  done
  cp examples/zhejiang-province.yaml "$tmp/md2000/0-province.yaml"  # first: kept among equals
fi
for lang in en zh; do
  run "markdown: 2,000 plans ($lang)" 1 "--lang $lang -j 2 -f markdown=$tmp/md-$lang.md $tmp/md2000"
  if selected; then
    chars=$(LC_ALL=C.UTF-8 wc -m <"$tmp/md-$lang.md")
    if ((chars <= 65536 && chars > 30000)); then ok; else bad "markdown ($lang): $chars characters"; fi
  fi
done
check "markdown: what was left out, and where every result is" 0 "$tmp/md-en.md" 0 \
  "**Left out** to keep within GitHub's 65536-character comment limit: the passing checks of" \
  "plans, the least severe (" "Every result: vetcheck -f html=report.html" "**2001 plans**"
check "markdown: the same in Chinese" 0 "$tmp/md-zh.md" 0 "**为不超过 GitHub 评论的 65536 字符上限，已省略**"
# The passing plans go first; among failing ones the earliest stay.
if selected; then
  # A plan left out is counted once, not also among those whose passing checks were cut.
  folded_cut=$(grep -o 'the passing checks of [0-9]* plans' "$tmp/md-en.md" | grep -o '[0-9]*')
  if grep -qF "### 浙江省" "$tmp/md-en.md" && ! grep -qF "XX航海" "$tmp/md-en.md" &&
    ((folded_cut <= $(grep -c '^### ' "$tmp/md-en.md"))); then ok
  else bad "markdown: the cut did not keep the most severe plans"; fi
fi

section "spreadsheets of school reports"
run "a CSV of school reports" 1 "--lang en examples/schools.csv" "XX艺术职业学院, 东校区 (高职)" \
  "✗ Full-time ideological-political teacher ratio" "4 plans —"
# The summary of a spreadsheet names its worst plans by id and row, not by the file all rows share;
# an indicator whose facts no row supplies is listed once as not in the data, not as 0% passing.
run "--summary of a spreadsheet: plans by id and row" 1 "--lang en --summary examples/schools.csv" \
  "XX技师学院  xx-tech  examples/schools.csv:4" "Not in the data (no plan supplies the facts; no pass rate):" \
  "  Talent-training programmes published  (4 plans)"
if selected; then
  "$vetcheck" --lang en --summary examples/schools.csv >"$tmp/out" 2>&1
  if [[ $(grep -c "Talent-training programmes published" "$tmp/out") == 1 ]] && ! grep -q " 0%  (0/" "$tmp/out"; then
    ok
  else
    bad "--summary of a spreadsheet: an indicator not in the data shown as 0% or twice: $(grep -F "0%" "$tmp/out" | head -3)"
  fi
fi
run "--summary of a spreadsheet, in Chinese" 1 "--lang zh --summary examples/schools.csv" \
  "数据中没有的指标（没有规划提供所需数据，不计达标率）:"
printf 'id,type,year,students.full_time\na,高职,2023,八十\nb,高职,2023,300\n' >"$tmp/bad.csv"
run "a CSV error names the row and column; the other rows are checked" 2 "--lang en $tmp/bad.csv" \
  "bad.csv:2:11: students.full_time: expected a whole number 人 (e.g. 4500), got \"八十\"" "  b (高职)"
# A misspelled column fails every row the same way: said once, at its header cell (issue 14, item 8).
printf 'id,type,year,students.ful_time\na,高职,2023,300\nb,高职,2023,400\nc,高职,2023,500\n' >"$tmp/column.csv"
run "a misspelled CSV column is reported once, at the header" 2 "--lang en $tmp/column.csv" \
  "column.csv:1:14: unknown fact 'students.ful_time', did you mean 'students.full_time'? (a column of the header: 3 rows not checked)"
if selected; then
  [[ $(grep -c "unknown fact" "$tmp/out") == 1 ]] && ok || bad "the misspelled column is reported $(grep -c "unknown fact" "$tmp/out") times, not once"
fi
run "a misspelled CSV column, in Chinese" 2 "--lang zh $tmp/column.csv" \
  "column.csv:1:14: 无法识别的数据项“students.ful_time”，是否应为“students.full_time”？（表头中的列：3行未检查）"
printf 'name,type,students.full_time\na,高职,3\n' >"$tmp/nohead.csv"
run "a CSV without the id column" 2 "$tmp/nohead.csv" "nohead.csv:1:1: the header row has no 'id' column"
printf 'id,type,year\n"a,高职,2023\n' >"$tmp/quote.csv"
run "a CSV with an unterminated quote" 2 "$tmp/quote.csv" "quote.csv:2:1: unterminated quoted cell"

section "colour"
"$vetcheck" --color always --lang en examples/school-fail.yaml >"$tmp/out" 2>&1
check "NO_COLOR wins over --color always" 1 "$tmp/out" $?
if grep -q $'\x1b\[' "$tmp/out"; then bad "colour under NO_COLOR"; else ok; fi
NO_COLOR= "$vetcheck" --color always --lang en examples/school-fail.yaml >"$tmp/out" 2>&1
if grep -q $'\x1b\[31m' "$tmp/out"; then ok; else bad "--color always gives no colour"; fi
run "no colour into a pipe" 1 "--lang en examples/school-fail.yaml"
if grep -q $'\x1b\[' "$tmp/out"; then bad "colour into a pipe"; else ok; fi

section "reports written whole or not at all"
rm -f "$tmp/report.txt"
run "--output writes the report" 1 "--lang en -o $tmp/report.txt examples/school-fail.yaml"
if grep -qF "1:500" "$tmp/report.txt"; then ok; else bad "report file"; fi
echo "previous report" >"$tmp/report.txt"
run "--output holds the plans checked and the input that was not" 2 "--lang en -o $tmp/report.txt examples/school-fail.yaml tests/cli/cases/bad-number.yaml" \
  "the report files list them as errors (exit 2)"
if grep -qF "tests/cli/cases/bad-number.yaml:" "$tmp/report.txt" && grep -qF "1:500" "$tmp/report.txt" && ! ls "$tmp"/report.txt.tmp* >/dev/null 2>&1; then
  ok
else
  bad "the report file of a run with a bad input"
fi

section "browsing packs"
run "packs lists the shipped packs" 0 "packs" "cn-2020-7" "教职成〔2020〕7号"
run "packs show" 0 "--lang en packs show cn-2020-7" "ideological_teacher_ratio" \
  "teachers.ideological_political / students.full_time >= 1:350" "严格按照师生比不低于1:350的比例核定专职思政课教师岗位"
run "packs show an unknown pack" 2 "packs show cn-2020-8" "unknown pack 'cn-2020-8', did you mean 'cn-2020-7'?"
run "explain" 0 "--lang en explain ideological_teacher_ratio" "cn-2020-7" \
  "needs students.full_time (full-time enrolled students, count, 人)"
run "lint a shipped pack" 0 "--lang en packs lint zj-2021" \
  "social_training_ratio: restates training_headcount_multiple (same measure) under a new id: target ≥1.2:1 is weaker than the parent's ≥2倍 (cn-2020-7 training_headcount_multiple, data/packs/cn-2020-7.yaml:" \
  "    explained: 另一目标" "zj-2021: 1 finding, 0 unexplained; 0 conflicts between documents"
run "lint a weakened pack" 1 "--lang en --pack tests/cli/weak-pack.yaml packs lint weak-demo" \
  "ideological_teacher_ratio: target ≥1:400 for 高职 is weaker than the parent's ≥1:350 (cn-2020-7, data/packs/cn-2020-7.yaml:" \
  "2 findings, 2 unexplained"
run "lint in Chinese" 1 "--lang zh --pack tests/cli/weak-pack.yaml packs lint weak-demo" \
  "ideological_teacher_ratio: 目标（高职）由 ≥1:350 放宽为 ≥1:400" "weak-demo：2 项发现，2 项未说明；0 处文件冲突"

section "conflicts between documents"
run "lint lists the conflicts of a pack, both quotes" 0 "--lang en packs lint sx-2023" \
  "documents conflict: cn-2020-7 «逐步取消中职本科贯通» (001_276004531f5df312.txt) ↔ cn-2022-opinion secondary_bachelor_through_training «中职与职业本科或应用型本科(3+4)七年贯通» (004_f097faf54c2ea2fc.txt)" \
  "documents conflict: cn-2020-7 «逐步取消中职本科贯通» (001_276004531f5df312.txt) ↔ sx-2023 secondary_bachelor_through_training «开展中等职业教育与职业本科教育衔接培养» (003_f85cce2e0533f136.txt)" \
  "sx-2023: 0 findings, 0 unexplained; 2 conflicts between documents"
run "a province plan answering to both sides shows the conflicts" 1 "--lang zh tests/cli/conflicts/shanxi-province.yaml" \
  "  文件冲突：cn-2020-7 «逐步取消中职本科贯通» (001_276004531f5df312.txt) ↔ cn-2022-opinion secondary_bachelor_through_training «中职与职业本科或应用型本科(3+4)七年贯通»" \
  "  文件冲突：cn-2020-7 «逐步取消中职本科贯通» (001_276004531f5df312.txt) ↔ sx-2023 secondary_bachelor_through_training «开展中等职业教育与职业本科教育衔接培养»"
run "the JSON report carries both sides" 1 "-f json tests/cli/conflicts/shanxi-province.yaml" \
  '"declared_by":"sx-2023"' '"quote":"逐步取消中职本科贯通"' '"indicator":"secondary_bachelor_through_training"'
if selected; then
  "$vetcheck" --lang en examples/shanxi-city.yaml >"$tmp/out" 2>&1
  got=$?
  # A city plan is not asked for the province's 3+4 through-training: no conflict to show.
  if [[ $got == 1 ]] && ! grep -q "documents conflict" "$tmp/out"; then ok; else bad "a city plan shows a province-level conflict"; fi
fi
section "accounting for a source document (tests/cli/coverage: one quote wrong on purpose)"
cov="--pack tests/cli/coverage/pack.yaml packs"
run "coverage below 100%" 1 "$cov coverage coverage-demo --source tests/cli/coverage/source.txt" \
  "source.txt:2: firm (建立) 建立省校两级培训体系；" "    indicator training_system" \
  "    not encoded: entitlement (tests/cli/coverage/pack.yaml:18:5)" \
  "source.txt:3: firm (完善…机制) 完善质量评价机制。" "    NOT ACCOUNTED FOR" \
  "coverage-demo: 2 of 3 directive sentences of source.txt accounted for (66.6%); 2 firm, 1 soft; 1 not"
run "coverage --unaccounted" 1 "$cov coverage coverage-demo --source tests/cli/coverage/source.txt --unaccounted" \
  "source.txt:3: firm (完善…机制) 完善质量评价机制。"
run "verify names a quote not in the source" 1 "$cov verify coverage-demo --source tests/cli/coverage/source.txt" \
  "tests/cli/coverage/pack.yaml:19:5: not_encoded: quote not in source.txt: “完善质量评价体系”" \
  "coverage-demo: 3 quotes checked against source.txt, 1 not found"
run "verify a shipped pack against a missing source" 2 "packs verify zj-2021 --source no-such-file.txt" \
  "no-such-file.txt"
run "coverage needs --source" 2 "packs coverage zj-2021" "--source is required"
run "a not_encoded reason outside the list" 2 "--pack tests/cli/coverage/bad-reason.yaml packs verify coverage-bad --source tests/cli/coverage/source.txt" \
  "tests/cli/coverage/bad-reason.yaml:9:45: not_encoded[].reason: expected one of background, entitlement, not-checkable-from-a-plan, duplicate-of: ID, stated-by-higher-pack: ID, got \"later\""
run "roll-up of Zhejiang's cities" 1 "--lang en rollup examples/zhejiang-province.yaml examples/rollup/zhejiang" \
  "✗ High-level secondary vocational schools" "46所  needs ≥50所" "4所 short; the plan itself reports 50所, not the sum" \
  "杭州市 14所 (28%) · 宁波市 12所 (24%) · 温州市 11所 (22%) · XX市 9所 (18%)" "missing data: XX市"
run "explain names the versions a pack restates" 0 "--lang en explain social_training_ratio" \
  "restates zj-2021 (training.headcount_annual / students.full_time >= 1.2:1)" \
  "at least as strict as every version it restates; all of them bind"
run "explain an unknown indicator" 2 "explain no_such_indicator" "no pack has an indicator 'no_such_indicator'"

section "command line errors"
run "no plan" 2 "" "no plan given"
run "a plan that does not exist" 2 "does-not-exist.yaml" "does-not-exist.yaml: cannot read the file"
run "a directory with no plans" 2 "docs" "no .yaml or .yml files found"
run "an unknown option" 2 "--frobnicate examples/school-pass.yaml" "frobnicate"
run "--version" 0 "--version" "vetcheck 0."
run "--help" 0 "--help" "Exit codes: 0"

section "deadlines in time: --as-of before and after a deadline"
run "--as-of before the deadline: not due, the gap still shown" 0 "--lang en --as-of 2022 examples/school-fail.yaml" \
  "… Full-time ideological-political teacher ratio" \
  "1:500  needs ≥1:350" "due 2023; 4 more full-time ideological-political teachers (9 → 13人)" \
  "due 2023; missing data: informatization.digital_campus_standard" "95 checks: 20 not due · 75 n/a      exit 0"
run "--as-of the deadline year: due, and failing" 1 "--lang en --as-of 2023 examples/school-fail.yaml" \
  "✗ Full-time ideological-political teacher ratio" "4 more full-time ideological-political teachers (9 → 13人)"
run "--as-of after the deadline: still failing" 1 "--lang en --as-of 2030 examples/school-fail.yaml" \
  "✗ Full-time ideological-political teacher ratio"
run "--as-of between the national (2023) and the city's (2025) deadlines" 1 "--lang en --as-of 2024 examples/xx-city.yaml" \
  "… Local retention of higher vocational graduates" \
  "due 2025; 2 more points of share of higher vocational graduates who stay in the city (33% → 35%)" \
  "281 checks: 98 pass · 3 fail · 2 missing data · 68 not due · 110 n/a"
run "the city's own year: its 2025 targets due" 1 "--lang en examples/xx-city.yaml" \
  "✗ Local retention of higher vocational graduates"
run "not due, in Chinese" 0 "--lang zh --as-of 2022 examples/school-fail.yaml" "2023年到期；需增加4人" \
  "2023年到期；缺少数据：informatization.digital_campus_standard"

section "waivers (pinned with --today)"
w=tests/cli/authoring
run "a waived failure does not fail the run" 0 "--lang en --today 2024-06-01 $w/waivers.yaml" \
  "~ Full-time ideological-political teacher ratio" \
  "waived until 2024-12-31 (approved by XX市教育局): 4 名专职思政课教师已签约, 2024 年 9 月到岗; 4 more full-time ideological-political teachers (20 → 24人)" \
  "warning: $w/waivers.yaml:45:5: waiver for craftsmanship_education_hours is unnecessary: the check passes" \
  "95 checks: 19 pass · 75 n/a · 1 waived      exit 0"
run "an expired waiver does not waive" 1 "--lang en --today 2025-01-01 $w/waivers.yaml" \
  "✗ Full-time ideological-political teacher ratio" "waiver expired 2024-12-31 (approved by XX市教育局); 4 more" \
  "warning: $w/waivers.yaml:41:5: waiver for ideological_teacher_ratio expired 2024-12-31: the check still fails"
run "waivers in Chinese" 0 "--lang zh --today 2024-12-31 $w/waivers.yaml" "已豁免至 2024-12-31 (批准: XX市教育局)" \
  "警告: $w/waivers.yaml:45:5: craftsmanship_education_hours 的豁免不必要: 该项已达标" "1 已豁免"
run "--fail-on waived" 1 "--lang en --today 2024-06-01 --fail-on fail,waived $w/waivers.yaml"
run "a waiver for an unknown indicator" 2 "--lang en $w/waiver-unknown.yaml" \
  "$w/waiver-unknown.yaml:36:16: waivers[].indicator: unknown indicator 'ideological_teacher_ration' in the packs this plan answers to (cn-2020-7), did you mean 'ideological_teacher_ratio'?" \
  "    - indicator: ideological_teacher_ration"
run "--today must be a date" 2 "--today 2024-02-30 examples/school-pass.yaml" "expected a date YYYY-MM-DD, got 2024-02-30"

section "init: plan templates"
run "init: a school report template" 0 "--lang en init --pack cn-2020-7 --level school --type 高职" \
  "  level: school" "  type: 高职" "  packs: [cn-2020-7]" "  teachers.ideological_political:" \
  "  #   ideological_teacher_ratio 专职思政课教师配备: ≥1:350, by 2023 — 教职成〔2020〕7号 二、(一) 3. 创新职业学校思想政治教育模式"
rm -f "$tmp/template.yaml"
run "init -o writes the file" 0 "--lang en init --pack cn-2020-7 --level school --type 高职 -o $tmp/template.yaml"
if [[ -s $tmp/template.yaml && ! -s $tmp/out ]]; then ok; else bad "init -o"; fi
run "an unfilled template checks as missing data, never pass" 1 "--lang en $tmp/template.yaml" \
  "? Full-time ideological-political teacher ratio" "95 checks: 20 missing data · 75 n/a      exit 1"
sed -e 's/^  students.full_time:$/  students.full_time: 4500/' \
  -e 's/^  teachers.ideological_political:$/  teachers.ideological_political: 13/' "$tmp/template.yaml" >"$tmp/filled.yaml"
run "a template filled in checks what was filled" 1 "--lang en $tmp/filled.yaml" \
  "✓ Full-time ideological-political teacher ratio" "95 checks: 1 pass · 19 missing data · 75 n/a"
run "init: a city plan with example institutions" 0 "--lang en init --pack xx-city-2025 --type 高职,中职" \
  "  level: city" "  year: 2025" "  - id: example-secondary" "  - id: example-higher" "  graduates.local_retention:"
run "init: Chinese comments" 0 "--lang zh init --pack cn-2020-7 --level school --type 中职" "单位 人, 整数, 如 4500 或 1.2万"
run "init: an unknown pack" 2 "init --pack cn-2020-8" "--pack: unknown pack 'cn-2020-8', did you mean 'cn-2020-7'?"
run "init: a school needs its type" 2 "init --pack cn-2020-7 --level school" "needs exactly one --type"
run "init: an unknown type" 2 "init --pack cn-2020-7 --type 大学" "--type"
run "init: the program's options may follow" 0 "init --pack cn-2020-7 --level school --type 高职 --lang en" "Written by vetcheck init"

section "diff: two drafts"
run "diff: a worse draft" 1 "--lang en diff $w/draft-1.yaml $w/draft-2.yaml" \
  "newly failing:" "pass → fail" "[worse]" "newly passing:" "gap shrank:" \
  "~ XX职业技术学院 · teachers.double_qualified: 140人 → 120人" \
  "↔ XX中等职业学校 · textbooks.unified_used → textbooks.professional_all_updated: yes (possible rename" \
  "2 newly failing · 2 newly passing · 1 gap shrank · 106 unchanged — worse on a required target      exit 1"
run "diff: the other way round, a gap grew" 1 "--lang en diff $w/draft-2.yaml $w/draft-1.yaml" "gap grew:"
run "diff: a better draft" 0 "--lang en diff examples/school-fail.yaml examples/school-pass.yaml" \
  "newly passing:" "no required target worse      exit 0"
run "diff: unchanged" 0 "--lang en diff $w/draft-1.yaml $w/draft-1.yaml" "no changes" "111 unchanged"
run "diff: markdown for a pull request" 1 "--lang en diff -f markdown $w/draft-1.yaml $w/draft-2.yaml" \
  ":x: **The new draft is worse on a required target.**" \
  "| ✗ | Share of double-qualified teachers among professional teachers **(worse)** | plan as a whole | pass | fail |"
run "diff: json" 1 "--lang en diff --format json $w/draft-1.yaml $w/draft-2.yaml" \
  '"schema": "vetcheck-diff/1"' '"worse": true' '"change": "renamed"'
run "diff: Chinese" 1 "--lang zh diff $w/draft-1.yaml $w/draft-2.yaml" "新增未达标:" "新稿变差 (必达目标)      退出码 1"
# diff judges "worse" by the same --fail-on as the check's exit code: what the new draft newly
# fails on, under the policy given.
for policy in fail missing advisory error; do
  "$vetcheck" --fail-on $policy "$w/draft-2.yaml" >/dev/null 2>&1 </dev/null
  check_exit=$?
  run "diff --fail-on $policy agrees with checking the new draft" $check_exit \
    "--lang en --fail-on $policy diff $w/draft-1.yaml $w/draft-2.yaml"
done
run "diff --fail-on advisory: a newly missing fact is not worse" 0 \
  "--lang en --fail-on advisory diff $w/draft-1.yaml $w/draft-2.yaml" "newly failing:"
rm -f "$tmp/diff.md"
run "diff -o writes the file" 1 "--lang en diff -f markdown -o $tmp/diff.md $w/draft-1.yaml $w/draft-2.yaml"
if grep -qF "### vetcheck diff" "$tmp/diff.md"; then ok; else bad "diff -o"; fi
run "diff: a draft that cannot be read" 2 "diff $w/draft-1.yaml tests/cli/cases/bad-number.yaml" \
  "tests/cli/cases/bad-number.yaml:4:23: teachers.double_qualified"
run "diff: a stray argument" 2 "diff $w/draft-1.yaml $w/draft-2.yaml extra.yaml" "unexpected argument 'extra.yaml'"
run "diff: an unknown format" 2 "diff -f html $w/draft-1.yaml $w/draft-2.yaml" "html"

section "progress"
# docs/progress.md: three years of figures (2021–2023) against 2025 targets, and a 2020 baseline.
run "figures by year: on track and behind" 0 "--lang en examples/school-progress.yaml" \
  "↑ Share of double-qualified teachers among professional teachers by school type" \
  "progress 71% / time 50%; at the 2021–2023 pace, 92.1% in 2025, reached in 2024" \
  "↓ Student dropout rate" "progress 44% / time 50%; level with the pace: 0.1 fewer points" \
  "1 on track · 1 behind      exit 0"
run "progress in Chinese" 0 "--lang zh examples/school-progress.yaml" "进度71%，时间50%" \
  "按2021–2023年的速度，2025年为92.1%；2024年达到" "1 进度达标 · 1 进度滞后"
run "--fail-on behind gates on the pace" 1 "--lang en --fail-on behind examples/school-progress.yaml" "exit 1"
run "--as-of picks the year's figures" 0 "--lang en --as-of 2022 examples/school-progress.yaml" \
  "progress 28% / time 25%; at the 2021–2022 pace, 84.1% in 2025"
run "a city plan from its 2020 baseline" 1 "--lang en examples/xx-city-midterm.yaml" \
  "progress 57% / time 60%; level with the pace: 0.2 more" "2 on track · 1 behind"
run "progress in JSON" 0 "--lang en -f json examples/school-progress.yaml" '"on_track":false' \
  '"task_done":"0.4375"' '"reached_in":2026'

section "help with examples"
run "init --help" 0 "init --help" "vetcheck init --pack cn-2020-7 --level school --type 高职 -o report.yaml"
run "diff --help" 0 "diff --help" "Exit codes: 0 the new draft is no worse" "vetcheck diff -f markdown -o diff.md"
run "packs --help" 0 "packs --help" "vetcheck packs show zj-2021"
run "packs lint --help" 0 "packs lint --help" "Exit codes: 0 nothing unexplained"
run "rollup --help" 0 "rollup --help" "vetcheck rollup examples/zhejiang-province.yaml examples/rollup/zhejiang/"
run "explain --help" 0 "explain --help" "vetcheck explain ideological_teacher_ratio"
run "--help lists init and diff" 0 "--help" "init" "diff" "--today"

# A spreadsheet saved by Excel on a Chinese Windows system (GBK) checks like its UTF-8 copy, with one
# note on standard error; a pack saved as GBK is read too.
section "encodings"
mkdir -p "$tmp/utf8" "$tmp/gbk"
cp examples/schools.csv "$tmp/utf8/schools.csv"
iconv -f UTF-8 -t GB18030 examples/schools.csv >"$tmp/gbk/schools.csv"
for format in term json sarif csv; do
  (cd "$tmp/utf8" && "$vetcheck" --lang zh -f $format schools.csv >"$tmp/utf8.out" 2>"$tmp/utf8.err")
  want=$?
  (cd "$tmp/gbk" && "$vetcheck" --lang zh -f $format schools.csv >"$tmp/gbk.out" 2>"$tmp/gbk.err")
  got=$?
  if [[ $want == "$got" ]] && cmp -s "$tmp/utf8.out" "$tmp/gbk.out" && [[ ! -s $tmp/utf8.err ]] &&
    [[ $(cat "$tmp/gbk.err") == "schools.csv: read as GB18030 (not UTF-8)" ]]; then
    ok
  else
    bad "a GBK spreadsheet ($format) checks like its UTF-8 copy: exit $got/$want"
    if selected; then diff "$tmp/utf8.out" "$tmp/gbk.out" | head -20; cat "$tmp/gbk.err"; fi
  fi
done
iconv -f UTF-8 -t GB18030 data/packs/cn-2020-7.yaml >"$tmp/gbk/cn-2020-7.yaml"
run "a pack saved as GBK" 1 "--lang en --pack $tmp/gbk/cn-2020-7.yaml examples/school-fail.yaml" \
  "cn-2020-7.yaml: read as GB18030 (not UTF-8)" "4 more full-time ideological-political teachers (9 → 13人)"

# The results database: written, appended to, refused when it cannot be; and the six queries of
# docs/reports-analyst.md, taken from the page, run with the sqlite3 shell.
section "sqlite"
query() {  # query NAME: the SQL under `<!-- query: NAME -->` in docs/reports-analyst.md
  awk -v name="$1" '$0 == "<!-- query: " name " -->" { on = 1; next }
    on && /^```sql/ { next } on && /^```/ { exit } on' docs/reports-analyst.md
}
sql() {  # sql NAME WANTED_LINES...: runs the query on $db, expects each line in its output
  selected || return 0
  local name=$1
  shift
  local text
  text=$(query "$name")
  if [[ -z $text ]]; then bad "sqlite: no query '$name' in docs/reports-analyst.md"; return; fi
  sqlite3 -bail -separator '|' "$db" "$text" >"$tmp/out" 2>&1
  check "sqlite query $name" 0 "$tmp/out" $? "$@"
}
db=$tmp/results.db
run "sqlite: the examples" 1 "-f sqlite=$db examples/"
if selected; then
  if [[ $(sqlite3 "$db" 'SELECT count(*) FROM runs; SELECT count(*) FROM plans; PRAGMA user_version') == $'1\n11\n2' ]] &&
    [[ -z $(sqlite3 "$db" 'PRAGMA foreign_key_check') ]]; then ok; else bad "sqlite: one run of five plans"; fi
fi
sql pass-rate "action_plan_in_14th_fyp|宁波市|0|1|0.0"
sql furthest "xx-tech-poly-2023|XX职业技术学院 2023 年度质量报告|1:500|≥1:350|0.000857" \
  "sx-xx-city-2025|XX职业技术学院|1:376.9|≥1:350|0.000204"
sql by-pack "cn-2020-7|教职成〔2020〕7号|37|9" "zj-2021||39|7"
sql missing "funding.secondary_per_student_operating|4|4"
sql behind "contribution_index|xx-city-2023-midterm|82|82.2|85|2025|57.0|60.0" \
  "student_dropout_rate|xx-maritime-poly-progress|2.9%|2.8%|2%|2025|44.0|50.0"
# A second run of a changed draft is appended; the run-to-run query shows what moved.
mkdir -p "$tmp/drafts"
cp examples/*.yaml "$tmp/drafts/"
sed -i 's/^  teachers.ideological_political: 9 /  teachers.ideological_political: 11/' "$tmp/drafts/school-fail.yaml"
run "sqlite: a second run appends" 1 "-f sqlite=$db $tmp/drafts/"
if selected; then
  if [[ $(sqlite3 "$db" 'SELECT group_concat(id) FROM runs; SELECT count(*) FROM plans') == $'1,2\n18' ]]; then
    ok; else bad "sqlite: two runs kept"; fi
fi
sql moved "ideological_teacher_ratio|xx-tech-poly-2023|fail|fail|0.000857" "(11 → 13人)"
# Refusals: standard output, a database that is someone else's (left as it was).
run "sqlite: not to standard output" 2 "-f sqlite examples/school-pass.yaml" \
  "the sqlite format writes a file, not standard output"
if selected; then
  sqlite3 "$tmp/other.db" 'CREATE TABLE customers (id INTEGER); INSERT INTO customers VALUES (7)'
fi
run "sqlite: another program's database" 2 "-f sqlite=$tmp/other.db examples/school-pass.yaml" \
  "not a vetcheck results database: it has other tables (customers)"
if selected; then
  if [[ $(sqlite3 "$tmp/other.db" 'SELECT id FROM customers') == 7 ]]; then ok; else bad "sqlite: a foreign database left as it was"; fi
  echo "not a database" >"$tmp/notes.db"
fi
run "sqlite: a file that is not a database" 2 "-f sqlite=$tmp/notes.db examples/school-pass.yaml" \
  "notes.db: the file is not a SQLite database"
run "sqlite: a device is no place for a database" 2 "-f sqlite=/dev/null examples/school-pass.yaml" \
  "/dev/null: a results database must be a regular file, not a device or a directory"
run "sqlite: nor a directory, said in Chinese" 2 "--lang zh -f sqlite=$tmp examples/school-pass.yaml" \
  "无法写入报告：这是一个目录"


# `vetcheck history`: three drafts of a school's report into one database, the gaps run by run in
# both languages; an unknown plan id, a missing file and a file that is not a database refused.
section "history"
hdb=$tmp/history.db
if selected; then
  mkdir -p "$tmp/history-2" "$tmp/history-3"
  sed -e 's/^  teachers.ideological_political: 9 /  teachers.ideological_political: 11/' \
    -e 's/^  teachers.double_qualified: 118 /  teachers.double_qualified: 125 /' \
    examples/school-fail.yaml >"$tmp/history-2/school-fail.yaml"
  sed -e 's/^  teachers.ideological_political: 9 /  teachers.ideological_political: 13/' \
    -e 's/^  teachers.double_qualified: 118 /  teachers.double_qualified: 131 /' \
    examples/school-fail.yaml >"$tmp/history-3/school-fail.yaml"
fi
run "history: the first draft" 1 "-f sqlite=$hdb examples/school-fail.yaml"
run "history: the second draft, in Chinese" 1 "--lang zh -f sqlite=$hdb $tmp/history-2/school-fail.yaml"
run "history: the third draft" 1 "-f sqlite=$hdb $tmp/history-3/school-fail.yaml"
run "history: three runs, the gaps moving" 0 "history xx-tech-poly-2023 --db $hdb --lang en" \
  "History of xx-tech-poly-2023: 3 run(s) in $hdb" \
  "run 1  " "examples/school-fail.yaml  plan year 2023  packs cn-2020-7  12 pass · 5 fail · 1 missing data · 75 n/a · 2 advisory" \
  "run 3  " "Full-time ideological-political teacher ratio                           1:500 → 1:409.1 → 1:346.2  (pass in run 3)" \
  "Share of double-qualified teachers among professional teachers          45.4% → 48.1% → 50.4%  (pass in run 3)" \
  "Dual-track promotion path for student counsellors                       no → no → no  (fail in run 3)" \
  "Annual training headcount as a multiple of enrolment (quality schools)  1.7倍 → 1.7倍 → 1.7倍  (fail in run 3: 1400 more "
run "history: in Chinese" 0 "history xx-tech-poly-2023 --db $hdb --lang zh" \
  "xx-tech-poly-2023的历次检查：$hdb中共3次" \
  "第2次  " "规划年度：2023  规则包：cn-2020-7" \
  "专职思政课教师配备                          1:500 → 1:409.1 → 1:346.2  （第3次：达标）" \
  "辅导员职务职级“双线”晋升通道                否 → 否 → 否  （第3次：未达标）"
run "history: progress of a target not yet due" 0 "-f sqlite=$hdb examples/school-progress.yaml"
run "history: behind, with the shares" 0 "history xx-maritime-poly-progress --db $hdb" \
  "Student dropout rate  2.9%  (behind in run 1: progress 44% / time 50%)"
if selected; then
  "$vetcheck" history xx-tech-poly-2023 --db "$hdb" -f json >"$tmp/history.json" 2>&1
  if node -e '
      const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const t = d.targets.find(t => t.indicator === "ideological_teacher_ratio");
      process.exit(d.schema === "vetcheck-history/1" && d.runs.length === 3 &&
        t.runs.map(r => r.status).join() === "fail,fail,pass" ? 0 : 1)' "$tmp/history.json"; then
    ok; else bad "history: -f json"; fi
  echo "not a database" >"$tmp/notes.db"
fi
run "history: an unknown plan id, the near ones named" 2 "history xx-tech-poly --db $hdb" \
  "$hdb: no plan 'xx-tech-poly' in this results database; plan ids near it: xx-tech-poly-2023"
run "history: an unknown plan id, in Chinese" 2 "--lang zh history nothing-like-it --db $hdb" \
  "该结果数据库中没有规划“nothing-like-it”"
run "history: no such database" 2 "history xx-tech-poly-2023 --db $tmp/no-such.db" \
  "no-such.db: cannot read the file: No such file or directory"
run "history: a file that is not a database" 2 "history xx-tech-poly-2023 --db $tmp/notes.db" \
  "notes.db: the file is not a SQLite database"

# `--history results.db`: a school's one-year reports of 2021 and 2022 checked into a database, then
# its 2023 report with --history gives the same progress lines as the example that states all three
# years itself.
section "history figures"
if selected; then
  mkdir -p "$tmp/by-year"
  for year in 2021 2022 2023; do
    # The example's figures by year, each report giving its own year's once.
    sed -E -e "s/^  year: 2023/  year: $year/" \
      -e "s/^( +[a-z_]+: )\{.*$year: ([0-9.%]+).*\}/\1\2/" \
      examples/school-progress.yaml >"$tmp/by-year/report-$year.yaml"
  done
fi
fdb=$tmp/figures.db
run "history figures: the 2021 report" 0 "-f sqlite=$fdb $tmp/by-year/report-2021.yaml"
run "history figures: the 2022 report" 0 "-f sqlite=$fdb $tmp/by-year/report-2022.yaml"
if selected; then
  "$vetcheck" --lang en examples/school-progress.yaml >"$tmp/all-years.txt" 2>&1
  grep -F 'Share of double-qualified teachers among professional teachers by school type' "$tmp/all-years.txt" >"$tmp/want.txt"
  grep -F 'Student dropout rate' "$tmp/all-years.txt" >>"$tmp/want.txt"
  "$vetcheck" --lang en --history "$fdb" "$tmp/by-year/report-2023.yaml" >"$tmp/with-history.txt" 2>&1
  if [[ $(grep -c 'due 2025; progress' "$tmp/want.txt") == 2 ]] &&
    grep -qF -f "$tmp/want.txt" "$tmp/with-history.txt" &&
    [[ $(grep -cxF -f "$tmp/want.txt" "$tmp/with-history.txt") == 2 ]]; then
    ok; else bad "history figures: the progress lines of the plan that states every year"; cat "$tmp/with-history.txt"; fi
fi
run "history figures: without --history, no progress" 0 "--lang en $tmp/by-year/report-2023.yaml" \
  "190 checks: 22 pass · 5 not due · 163 n/a      exit 0"
run "history figures: in Chinese" 0 "--lang zh --history $fdb $tmp/by-year/report-2023.yaml" \
  "进度71%，时间50%" "进度44%，时间50%"
run "history figures: no such database" 2 "--history $tmp/none.db examples/school-pass.yaml" \
  "none.db: cannot read the file: No such file or directory"

# The Excel workbook, read back with a real reader (openpyxl, tests/tools/read_xlsx.py) and checked
# against the JSON report of the same run, in both languages; a bad input is a row of its errors
# sheet, the workbook still written and the exit code 2.
section "xlsx"
xlsx() {  # xlsx NAME WORKBOOK JSON LANG: the reader's verdict
  selected || return 0
  /usr/bin/python3 tests/tools/read_xlsx.py "$2" "$3" "$4" >"$tmp/out" 2>&1
  local got=$?
  if [[ $got == 77 ]]; then cat "$tmp/out"; return; fi  # VETCHECK-SKIPPED: no openpyxl
  check "$1" 0 "$tmp/out" $got "agree with the JSON report"
}
run "xlsx: the examples" 1 "--lang en -f xlsx=$tmp/r.xlsx -f json=$tmp/r.json examples/"
xlsx "xlsx: the examples read back" "$tmp/r.xlsx" "$tmp/r.json" en
mkdir -p "$tmp/xlsx-batch"
cp examples/*.yaml "$tmp/xlsx-batch/"
cp tests/cli/cases/bad-number.yaml "$tmp/xlsx-batch/m-bad.yaml"
run "xlsx: a batch with a bad input" 2 "--lang zh -f xlsx=$tmp/z.xlsx -f json=$tmp/z.json $tmp/xlsx-batch" \
  "1 input(s) could not be checked; the report files list them as errors"
xlsx "xlsx: in Chinese, with the bad input as an error row" "$tmp/z.xlsx" "$tmp/z.json" zh
run "xlsx: not to standard output" 2 "-f xlsx examples/school-pass.yaml" \
  "the xlsx format writes a file, not standard output; name one (xlsx=report.xlsx, or -o report.xlsx)"

section "subcommands in term, markdown and json"
# Each JSON document parses and names its schema; Markdown is a table; other formats are refused.
json_ok() {  # json_ok NAME SCHEMA "ARGS" WANTED_EXIT: the output parses as JSON and names SCHEMA
  selected || return 0
  local name=$1 schema=$2 args=$3 want=$4
  # shellcheck disable=SC2086
  "$vetcheck" $args >"$tmp/out.json" 2>"$tmp/err"
  local got=$?
  if [[ $got == "$want" ]] && node -e '
      const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      if (d.schema !== process.argv[2]) process.exit(1);' "$tmp/out.json" "$schema"; then
    ok
  else
    bad "$name: exit $got (expected $want), or not JSON naming $schema"
    head -20 "$tmp/out.json" "$tmp/err" | sed 's/^/    | /'
  fi
}
json_ok "packs -f json" vetcheck-packs/1 "packs -f json" 0
json_ok "packs show -f json" vetcheck-pack/1 "packs show cn-2020-7 -f json" 0
json_ok "explain -f json" vetcheck-explain/1 "explain ideological_teacher_ratio -f json" 0
json_ok "packs lint -f json (a weakened pack: exit 1)" vetcheck-lint/1 \
  "--pack tests/cli/weak-pack.yaml packs lint weak-demo -f json" 1
json_ok "rollup -f json" vetcheck-rollup/1 \
  "rollup examples/zhejiang-province.yaml examples/rollup/zhejiang -f json" 1
run "packs -f markdown" 0 "--lang en packs -f markdown" "| id | level | period | document | indicators | title |" \
  "| \`cn-2020-7\` | national | 2020–2023 | 教职成〔2020〕7号 |"
run "packs show -f markdown, Chinese after the command" 0 "packs show cn-2020-7 -f markdown --lang zh" \
  "| 指标 | 名称 | 公式 | 期限 | 要求 | 出处 |" \
  '`teachers.ideological_political / students.full_time >= 1:350`'
run "explain -f markdown" 0 "--lang en explain ideological_teacher_ratio -f markdown" \
  '## `ideological_teacher_ratio`' "- needs: \`students.full_time\`"
run "packs lint -f markdown" 1 "--lang en --pack tests/cli/weak-pack.yaml packs lint weak-demo -f markdown" \
  "| where | indicator | parent | finding | explained |" "2 finding(s), 2 unexplained."
run "rollup -f markdown" 1 "--lang en rollup examples/zhejiang-province.yaml examples/rollup/zhejiang -f markdown" \
  "| | indicator | total | target | detail | lower plans |"
for sub in "packs" "packs show cn-2020-7" "packs lint zj-2021" "explain ideological_teacher_ratio" \
  "rollup examples/zhejiang-province.yaml examples/rollup/zhejiang"; do
  run "$sub -f html is refused" 2 "$sub -f html" "html not in {term,markdown,json}"
  run "$sub --help lists the formats" 0 "$sub --help" "{term,markdown,json}" "term (default), markdown or json"
done
run "a stray word after a subcommand" 2 "packs show cn-2020-7 extra" "unexpected argument 'extra'"

finish
