#!/usr/bin/env bash
# Trust at the gate (issue 13): exit 0 only when every input was checked, every report was written
# and nothing unknown was passed. Inputs a batch cannot read, CSV rows that are broken, conditions a
# plan leaves empty, control characters in names, limits that overflow, files that are not files.
# Usage: run_gate_tests.sh VETCHECK SOURCE_DIR
set -u
# shellcheck source=tests/cli/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# run NAME WANTED_EXIT "ARGS" LINES... : the exit code and the lines of the combined output.
run() {
  local name=$1 want=$2 args=$3
  shift 3
  # shellcheck disable=SC2086
  timeout 20 "$vetcheck" --lang en $args >"$tmp/out" 2>&1 </dev/null
  check "$name" "$want" "$tmp/out" $? "$@"
}

# lacks NAME PATTERN : the last run's output has no line matching the extended regular expression.
lacks() {
  if grep -qE -- "$2" "$tmp/out"; then
    bad "$1: output has: $(grep -E -- "$2" "$tmp/out" | head -1)"
  else
    ok
  fi
}

# --- a batch never drops what it cannot read ---
mkdir -p "$tmp/batch/sub"
cp examples/school-pass.yaml "$tmp/batch/a.yaml"
cp examples/school-fail.yaml "$tmp/batch/sub/f.yaml"
ln -s "$tmp/nowhere.yaml" "$tmp/batch/b-dangling.yaml"
run "a dangling link in a directory is an input failure; the rest is checked" 2 "$tmp/batch/a.yaml $tmp/batch/b-dangling.yaml" \
  "$tmp/batch/b-dangling.yaml: cannot read the file: No such file or directory" "XX航海职业技术学院"
run "a dangling link found in a directory is named" 2 "$tmp/batch" \
  "$tmp/batch/b-dangling.yaml: cannot read the file: No such file or directory" "XX航海职业技术学院"
rm "$tmp/batch/b-dangling.yaml"
# As an unprivileged user even when the suite runs as root, who reads any directory.
as_nobody=()
if [[ $(id -u) != 0 ]]; then
  as_nobody=()
elif command -v setpriv >/dev/null; then
  as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  getent group nogroup >/dev/null || as_nobody=(setpriv --reuid=nobody --regid=nobody --clear-groups)
elif command -v runuser >/dev/null; then
  as_nobody=(runuser -u nobody --)
else
  as_nobody=(none)
fi
if [[ ${as_nobody[0]:-} == none ]]; then
  echo "skip an unreadable subdirectory: running as root without setpriv or runuser"
else
  chmod 755 "$tmp" "$tmp/batch"
  chmod 644 "$tmp/batch/a.yaml" "$tmp/batch/sub/f.yaml"
  chmod 000 "$tmp/batch/sub"
  "${as_nobody[@]}" "$vetcheck" --lang en "$tmp/batch" >"$tmp/out" 2>&1 </dev/null
  got=$?
  if [[ $got == 2 ]] && grep -qF "$tmp/batch/sub: cannot read the directory: Permission denied" "$tmp/out" &&
    grep -qF "XX航海职业技术学院" "$tmp/out"; then
    ok
  else
    bad "an unreadable subdirectory as $(${as_nobody[@]} id -un 2>&1): exit $got: $(head -3 "$tmp/out")"
  fi
  chmod 755 "$tmp/batch/sub"
fi
printf 'id,name,type,year,students.full_time\n' >"$tmp/header-only.csv"
run "a CSV with a header and no rows" 2 "$tmp/header-only.csv" \
  "$tmp/header-only.csv:1:1: a CSV of school reports: a header row and no school's row"

# --- an unknown condition is missing data, not n/a ---
sed 's/headcount_annual: 18500/headcount_annual: 8400/' examples/school-pass.yaml >"$tmp/low-training.yaml"
run "a quality school with too little training fails" 1 "$tmp/low-training.yaml" "Annual training headcount"
grep -v is_quality_school "$tmp/low-training.yaml" >"$tmp/no-condition.yaml"
run "deleting the condition fact does not let it pass" 1 "$tmp/no-condition.yaml" \
  "missing data: is_quality_school"
grep -v is_quality_school examples/school-pass.yaml >"$tmp/no-condition-pass.yaml"
run "a target met whether or not the condition holds still passes" 0 "$tmp/no-condition-pass.yaml" "exit 0"

# --- CSV rows ---
header='id,name,type,year,packs,students.full_time,teachers.ideological_political'
row() { printf '%s,%s,高职,2023,cn-2020-7,4500,13\n' "$1" "$2"; }
{ echo "$header"; row s1 One; echo 's2,Two, East,高职,2023,cn-2020-7,4500,13'; row s3 Three; } >"$tmp/cells.csv"
run "a row with too many cells is reported and the others checked" 2 "$tmp/cells.csv" \
  "$tmp/cells.csv:3:" "row has 8 cells but the header names 7 columns" "One (2023)" "Three (2023)"
{ echo "$header"; row s1 One; printf 's2,T\xffwo,高职,2023,cn-2020-7,4500,13\n'; row s3 Three; } >"$tmp/utf8.csv"
run "invalid UTF-8 in a cell" 2 "$tmp/utf8.csv" "$tmp/utf8.csv:3:5: not UTF-8" "One (2023)" "Three (2023)"
{ echo "$header"; row s1 One; printf 's2,T\x00wo,高职,2023,cn-2020-7,4500,13\n'; row s3 Three; } >"$tmp/nul.csv"
run "a NUL in a cell" 2 "$tmp/nul.csv" "$tmp/nul.csv:3:5: a control character (U+0000)" "One (2023)" "Three (2023)"
{ echo "$header"; row s1 One; printf 's2,T\x1b[31mwo,高职,2023,cn-2020-7,4500,13\n'; row s3 Three; } >"$tmp/esc.csv"
run "an escape character in a cell" 2 "$tmp/esc.csv" "$tmp/esc.csv:3:5: a control character (U+001B)" "One (2023)"
{ echo "$header"; row s1 One; row s2 Two; echo 's3,Three,高职,2023,cn-2020-7,many,13'; } | tr '\n' '\r' >"$tmp/cr.csv"
run "CR-only line endings keep the row numbers" 2 "$tmp/cr.csv" "$tmp/cr.csv:4:" "One (2023)" "Two (2023)"
{ echo "$header"; row s1 One; row s2 Two; echo 's3,"Three,高职,2023,cn-2020-7,4500,13'; row s4 Four; } >"$tmp/quote.csv"
run "a broken quote names its row and the rows before it are checked" 2 "$tmp/quote.csv" \
  "$tmp/quote.csv:4:4: unterminated quoted cell" "One (2023)" "Two (2023)"

# --- control characters from the input are escaped in every text report ---
sed -e 's/^  name: .*/  name: "Evil\\n::warning file=x.yaml::pwned\\e[31m red\\u0085"/' \
  -e 's/^  id: .*/  id: "evil\\r::error::id"/' examples/school-fail.yaml >"$tmp/evil.yaml"
for format in term markdown github junit csv csv-matrix; do
  run "a name with a newline and an escape, -f $format" 1 "-f $format $tmp/evil.yaml"
  lacks "no workflow command from a name, -f $format" '^::warning file=x.yaml'
  lacks "no error command from an id, -f $format" '^::error::id'
  if LC_ALL=C grep -q $'\x1b' "$tmp/out"; then bad "-f $format passes an escape character through"; else ok; fi
  if LC_ALL=C grep -q $'\xc2\x85' "$tmp/out"; then bad "-f $format passes U+0085 through"; else ok; fi
done
run "the terminal shows the escapes" 1 "$tmp/evil.yaml" 'Evil\n::warning file=x.yaml::pwned\x1b[31m red\u{85}'

# --- values, limits, pack ids, files that are not files ---
cat >"$tmp/ratio-pack.yaml" <<'YAML'
pack: {id: ratio-cap, title: {zh: 测试, en: test}, period: {from: 2020, to: 2023}, level: city}
facts:
  - {key: local.ratio, zh: 生师比, en: student-teacher ratio, type: ratio, subjects: [plan]}
indicators:
  - id: ratio_cap
    name: {zh: 生师比, en: Student-teacher ratio}
    subject: plan
    measure: local.ratio
    op: "<="
    target: "20:1"
    word: 不高于
    source: {file: f.txt, section: s, quote: q}
YAML
printf 'plan: {name: r, level: city, year: 2023, packs: [ratio-cap]}\nfacts: {local.ratio: "-5"}\n' >"$tmp/ratio.yaml"
run "a negative ratio is refused" 2 "--pack $tmp/ratio-pack.yaml $tmp/ratio.yaml" \
  "$tmp/ratio.yaml:2:22: local.ratio:" "a ratio cannot be negative"
printf 'plan: {name: r, level: city, year: 2023, packs: [ratio-cap]}\nfacts: {local.ratio: "18:1"}\n' >"$tmp/ratio-ok.yaml"
run "a ratio under its cap passes" 0 "--pack $tmp/ratio-pack.yaml $tmp/ratio-ok.yaml" "exit 0"
sed 's/id: ratio-cap/id: "Ratio cap;x"/' "$tmp/ratio-pack.yaml" >"$tmp/bad-id.yaml"
run "a pack id outside [a-z0-9-]" 2 "--pack $tmp/bad-id.yaml examples/school-pass.yaml" \
  "$tmp/bad-id.yaml:1:12: pack.id: expected lowercase letters, digits and '-'" "Ratio cap;x"
for flag in --max-file-size --max-nodes --max-institutions --max-expression-length; do
  run "$flag 2^64-1 is refused, not wrapped" 2 "$flag 18446744073709551615 examples/school-pass.yaml" "$flag"
  run "$flag 2^64 is refused" 2 "$flag 18446744073709551616 examples/school-pass.yaml" "$flag"
  run "$flag -1 is refused" 2 "$flag -1 examples/school-pass.yaml" "$flag"
done
run "--max-file-size at its ceiling still reads files" 0 "--max-file-size 1099511627776 examples/school-pass.yaml" "exit 0"
mkfifo "$tmp/pipe.yaml"
run "a named pipe is refused, not waited on" 2 "$tmp/pipe.yaml" \
  "$tmp/pipe.yaml: a named pipe, not a file"
mkdir -p "$tmp/with-pipe"
cp examples/school-pass.yaml "$tmp/with-pipe/a.yaml"
mkfifo "$tmp/with-pipe/b.yaml"
run "a named pipe in a directory is named too" 2 "$tmp/with-pipe" "$tmp/with-pipe/b.yaml: a named pipe" "XX航海职业技术学院"

# --- standard output is checked, for every format and command ---
if [[ -w /dev/full ]]; then
  for args in "examples/school-pass.yaml" "-f json examples/school-pass.yaml" "-f csv examples/school-pass.yaml" \
    "-f html examples/school-pass.yaml" "examples/school-pass.yaml examples/xx-city.yaml" "packs" "packs show cn-2020-7" \
    "explain ideological_teacher_ratio" "--help"; do
    # shellcheck disable=SC2086
    "$vetcheck" --lang en $args >/dev/full 2>"$tmp/err"
    got=$?
    if [[ $got == 2 ]] && grep -qF "cannot write to standard output: No space left on device" "$tmp/err"; then ok; else
      bad "vetcheck $args >/dev/full: exit $got: $(head -2 "$tmp/err")"
    fi
  done
fi
for args in "examples/school-pass.yaml" "-f json examples/school-pass.yaml" "packs show cn-2020-7"; do
  # shellcheck disable=SC2086
  "$vetcheck" --lang en $args >&- 2>"$tmp/err"
  got=$?
  if [[ $got == 2 ]] && grep -qF "cannot write to standard output: it is closed" "$tmp/err"; then ok; else
    bad "vetcheck $args >&-: exit $got: $(head -2 "$tmp/err")"
  fi
done
# With standard output closed, a report file opened later must not take descriptor 1.
"$vetcheck" --lang en -o "$tmp/closed.txt" examples/school-pass.yaml >&- 2>"$tmp/err"
got=$?
if [[ $got == 0 ]] && grep -qF "exit 0" "$tmp/closed.txt"; then ok; else bad "-o with standard output closed: exit $got: $(head -2 "$tmp/err")"; fi

# --- report files ---
echo "victim" >"$tmp/victim.txt"
# exec keeps the shell's process id: the link is at exactly the name the old code chose.
bash -c 'ln -s "$1/victim.txt" "$1/r.txt.tmp$$" && exec "$2" --lang en -o "$1/r.txt" examples/school-pass.yaml' \
  _ "$tmp" "$vetcheck" >"$tmp/out" 2>&1
got=$?
[[ $got == 0 ]] && ok || bad "a link at the temporary's name: exit $got: $(head -2 "$tmp/out")"
[[ $(cat "$tmp/victim.txt") == victim ]] && ok || bad "the victim of a link at r.txt.tmpPID was overwritten"
grep -qF "exit 0" "$tmp/r.txt" && ok || bad "the report beside the links: $(head -2 "$tmp/r.txt")"
rm -f "$tmp"/r.txt.tmp*
echo "previous" >"$tmp/mode.txt"
chmod 640 "$tmp/mode.txt"
run "a report replaced keeps its mode" 0 "-o $tmp/mode.txt examples/school-pass.yaml"
[[ $(stat -c %a "$tmp/mode.txt") == 640 ]] && ok || bad "the report's mode became $(stat -c %a "$tmp/mode.txt")"
mkdir -p "$tmp/inputs"
cp examples/school-pass.yaml "$tmp/inputs/input.yaml"
run "-o naming an input is refused before any work" 2 "-o $tmp/inputs/input.yaml $tmp/inputs/input.yaml" \
  "$tmp/inputs/input.yaml: the report would overwrite an input"
cmp -s "$tmp/inputs/input.yaml" examples/school-pass.yaml && ok || bad "the input was overwritten"
cp examples/school-pass.yaml "$tmp/inputs/input.yaml"
run "-f json=FILE naming an input found in a directory" 2 "-f json=$tmp/inputs/./input.yaml $tmp/inputs" \
  "the report would overwrite an input"
cmp -s "$tmp/inputs/input.yaml" examples/school-pass.yaml && ok || bad "the input in the directory was overwritten"
run "two -f naming the same file" 2 "-f json=$tmp/same.out -f csv=$tmp/./same.out examples/school-pass.yaml" \
  "two reports are to be written to the same file"
[[ -e $tmp/same.out ]] && bad "the doubly named report was written" || ok
# Several reports: all replaced or none.
both() { echo "old json" >"$tmp/r.json"; echo "old csv" >"$tmp/r.csv"; }
both
run "a second report that cannot be written leaves the first as it was" 2 \
  "-f json=$tmp/r.json -f csv=$tmp/no/such/dir/r.csv examples/school-pass.yaml" "$tmp/no/such/dir/r.csv: cannot write the report file"
[[ $(cat "$tmp/r.json") == "old json" ]] && ok || bad "the first report was replaced though the second failed"
compgen -G "$tmp/r.json.tmp*" >/dev/null && bad "a temporary was left: $(echo "$tmp"/r.json.tmp*)" || ok
both
# A second report cut short by a file-size limit (EFBIG, SIGXFSZ ignored): neither replaced.
(
  trap '' XFSZ
  ulimit -f 16
  "$vetcheck" --lang en -f csv-matrix="$tmp/r.csv" -f json="$tmp/r.json" examples/school-pass.yaml examples/school-fail.yaml >"$tmp/out" 2>&1
  echo $? >"$tmp/rc"
)
if [[ $(cat "$tmp/rc") == 2 ]] && grep -qF "$tmp/r.json: cannot write the report file: File too large" "$tmp/out" &&
  [[ $(cat "$tmp/r.csv") == "old csv" && $(cat "$tmp/r.json") == "old json" ]] && ! compgen -G "$tmp/r.*.tmp*" >/dev/null; then
  ok
else
  bad "a report cut short: exit $(cat "$tmp/rc"): $(head -2 "$tmp/out"); csv: $(head -c 20 "$tmp/r.csv"); json: $(head -c 20 "$tmp/r.json")"
fi

# --- a signal during a long batch: no temporary left, the reports all old or all new ---
# 2,000 plans (written by the shell itself: a process per file took 20 s on a busy machine), three
# reports of 40 MB in all; killed at random points from 70% of an uninterrupted run to 110% (just
# after its end): most of the time goes to checking, the writing is the last part.
mkdir -p "$tmp/many"
pass_text=$(<examples/school-pass.yaml)
fail_text=$(<examples/school-fail.yaml)
for i in $(seq 2000); do
  if ((i % 2)); then printf '%s\n' "$pass_text" >"$tmp/many/p$i.yaml"; else printf '%s\n' "$fail_text" >"$tmp/many/p$i.yaml"; fi
done
reports() { echo "-f csv-matrix=$tmp/$1.csv -f junit=$tmp/$1.xml -f markdown=$tmp/$1.md"; }
start=$(date +%s%N)
# shellcheck disable=SC2046
"$vetcheck" --lang en -j 2 $(reports new) "$tmp/many" >/dev/null 2>&1
whole_ms=$((($(date +%s%N) - start) / 1000000))
for round in 1 2 3 4; do
  for f in csv xml md; do echo "old" >"$tmp/s.$f"; done
  # A background job of a script starts with SIGINT ignored: perl gives it back its default.
  # shellcheck disable=SC2046
  perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die' -- "$vetcheck" --lang en -j 2 $(reports s) "$tmp/many" >/dev/null 2>&1 &
  pid=$!
  delay_ms=$((whole_ms * 7 / 10 + RANDOM % (whole_ms * 4 / 10 + 1)))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  signal=TERM
  ((round % 2)) && signal=INT
  kill -s "$signal" "$pid" 2>/dev/null
  wait "$pid"
  left=$(compgen -G "$tmp/s.*.tmp*")
  states=""
  for f in csv xml md; do
    if [[ $(head -c 4 "$tmp/s.$f") == old ]]; then states+=" old"; elif cmp -s "$tmp/s.$f" "$tmp/new.$f"; then states+=" new"; else states+=" broken"; fi
  done
  if [[ -z $left && ($states == " old old old" || $states == " new new new") ]]; then
    ok
  else
    bad "SIG$signal after ${delay_ms} ms of ${whole_ms}: reports$states, temporaries left: $left"
  fi
  echo "  SIG$signal at ${delay_ms} ms of ${whole_ms}:$states"
done

# --- diff and init write their files the same way ---
mkdir -p "$tmp/diff"
cp examples/school-fail.yaml "$tmp/diff/before.yaml"
cp examples/school-pass.yaml "$tmp/diff/after.yaml"
run "diff -o naming one of its plans is refused" 2 "diff $tmp/diff/before.yaml $tmp/diff/after.yaml -o $tmp/diff/after.yaml" \
  "the report would overwrite an input"
cmp -s "$tmp/diff/after.yaml" examples/school-pass.yaml && ok || bad "diff overwrote its input"
bash -c 'ln -s "$1/victim.txt" "$1/t.yaml.tmp$$" && exec "$2" init --pack cn-2020-7 --level school --type 高职 -o "$1/t.yaml"' \
  _ "$tmp/diff" "$vetcheck" >"$tmp/out" 2>&1
got=$?
[[ $got == 0 && ! -e $tmp/diff/victim.txt ]] && ok || bad "init -o beside a link at its temporary's name: exit $got, victim $(ls "$tmp/diff")"

# --- memory: an error naming the file, never an abort ---
if grep -q __asan_init "$vetcheck" 2>/dev/null; then
  echo "skip the memory tests: AddressSanitizer reserves more address space than they allow"
else
  mkdir -p "$tmp/bombs"
  for i in $(seq 16); do cp tests/cli/cases/alias-bomb.yaml "$tmp/bombs/b$i.yaml"; done
  cp examples/school-pass.yaml "$tmp/bombs/a.yaml"
  (
    ulimit -v 4000000
    "$vetcheck" --lang en -j 16 "$tmp/bombs" >"$tmp/out" 2>&1
    echo $? >"$tmp/rc"
  )
  if [[ $(cat "$tmp/rc") == 2 ]] && (($(grep -c "limit --max-nodes" "$tmp/out") == 16)) && grep -qF "XX航海职业技术学院" "$tmp/out"; then
    ok
  else
    bad "sixteen alias bombs, -j 16, 4 GB of address space: exit $(cat "$tmp/rc"): $(grep -v '^ ' "$tmp/out" | head -3)"
  fi
  (
    ulimit -v 1500000
    "$vetcheck" --lang en -j 2 --max-nodes 20000000 "$tmp/bombs/b1.yaml" "$tmp/bombs/a.yaml" >"$tmp/out" 2>&1
    echo $? >"$tmp/rc"
  )
  if [[ $(cat "$tmp/rc") == 2 ]] && grep -qF "$tmp/bombs/b1.yaml: out of memory while checking this file" "$tmp/out" &&
    grep -qF "XX航海职业技术学院" "$tmp/out"; then
    ok
  else
    bad "memory running out on one file: exit $(cat "$tmp/rc"): $(grep -v '^ ' "$tmp/out" | head -3)"
  fi
fi

# --- property: exit 0 only if every file was checked and passed ---
# Random batches of good, failing, broken, unreadable and vanished (dangling) files, as an
# unprivileged user so that "unreadable" holds.
kinds=(good fail broken unreadable vanished)
for round in $(seq 25); do
  dir=$tmp/prop$round
  mkdir -p "$dir"
  n=$((RANDOM % 6 + 1))
  expected=0
  for i in $(seq "$n"); do
    kind=${kinds[$((RANDOM % ${#kinds[@]}))]}
    ((round <= 5)) && kind=good  # some batches where everything passes
    f=$dir/p$i.yaml
    case $kind in
      good) cp examples/school-pass.yaml "$f" ;;
      fail) cp examples/school-fail.yaml "$f"; ((expected < 1)) && expected=1 ;;
      broken) cp tests/cli/cases/bad-number.yaml "$f"; expected=2 ;;
      unreadable)
        cp examples/school-fail.yaml "$f"
        if [[ ${as_nobody[0]:-} == none ]]; then  # root reads it anyway: a failing plan
          ((expected < 1)) && expected=1
        else
          chmod 000 "$f"
          expected=2
        fi ;;
      vanished) ln -s "$dir/gone-$i.yaml" "$f"; expected=2 ;;
    esac
  done
  chmod 755 "$dir"
  if [[ ${as_nobody[0]:-} == none ]]; then runner=(); else runner=("${as_nobody[@]}"); fi
  report=$tmp/prop$round.json
  echo "previous" >"$report"
  chmod 666 "$report"
  chmod 777 "$tmp"  # the temporary beside the report is created by the unprivileged user
  "${runner[@]}" "$vetcheck" --lang en -j 3 -f term -f json="$report" "$dir" >"$tmp/out" 2>&1 </dev/null
  got=$?
  chmod 755 "$tmp"
  checked=$(grep -c "^XX航海职业技术学院\|^XX职业技术学院" "$tmp/out")
  [[ $got == "$expected" ]] || { bad "property round $round: exit $got, expected $expected ($(ls -l "$dir" | tail -n +2 | awk '{print $1, $NF}' | tr '\n' ' '))"; continue; }
  ((got != 0 || checked == n)) || { bad "property round $round: exit 0 after checking $checked of $n"; continue; }
  # The report is the previous one after exit 2, and whole and from this run (every plan) else.
  if ((got == 2)); then
    [[ $(cat "$report") == previous ]] || { bad "property round $round: exit 2 replaced the report"; continue; }
  else
    plans=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["plans"]))' "$report" 2>&1)
    [[ $plans == "$n" ]] || { bad "property round $round: the report holds $plans plans of $n"; continue; }
  fi
  compgen -G "$report.tmp*" >/dev/null && { bad "property round $round: a temporary was left"; continue; }
  ok
done

finish
