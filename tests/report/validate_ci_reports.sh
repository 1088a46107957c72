#!/usr/bin/env bash
# Validates vetcheck's CI reports with independent tools, on every example and on all of them in one
# report. Validators (SARIF ones pinned in tests/tools/package.json):
#   SARIF schema — ajv against sarif-2.1.0.json, the OASIS schema the multitool package ships.
#   SARIF rules  — the SARIF multitool: schema, SARIF rules and GitHub's ingestion rules
#                  (--rule-kind "Gh;Sarif"). It exits 0 whatever it finds and writes its findings
#                  as SARIF, so a report fails on any finding of level error. It needs the schema
#                  check beside it: it silently skips a log it cannot read (e.g. "level": "fatal").
#   JUnit        — xmllint against tests/report/junit.xsd (the Jenkins xUnit plugin's junit-10.xsd).
# Each validator is also given deliberately broken reports, to prove that it rejects them. A
# validator that is not installed fails the test with a message: nothing passes unchecked.
# Usage: validate_ci_reports.sh VETCHECK SOURCE_DIR
set -u
vetcheck=$1
cd "$2" || exit 2
export NO_COLOR=1 LANG=C.UTF-8
# The multitool is a .NET program: invariant globalization spares it ICU, which a fresh Debian lacks
# and which validation does not need.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
tools=tests/tools/node_modules
multitool=$tools/.bin/sarif-multitool
ajv=$tools/.bin/ajv
sarif_schema_file=$tools/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
xsd=tests/report/junit.xsd
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
  echo "FAIL $*"
  fail=$((fail + 1))
}

missing_tools() {
  local missing=0
  if ! command -v xmllint >/dev/null; then
    echo "FAIL xmllint is not installed (Debian: apt-get install libxml2-utils); JUnit reports cannot be validated"
    missing=1
  fi
  local native=("$tools"/@microsoft/sarif-multitool-*/Sarif.Multitool)
  if ! command -v node >/dev/null || [[ ! -x $multitool || ! -x $ajv || ! -x ${native[0]} ]]; then
    echo "FAIL the SARIF validators are not installed: run npm ci --prefix tests/tools, then" \
      "chmod u+x $tools/@microsoft/sarif-multitool-linux/Sarif.Multitool" \
      "(npm 11 does not run its postinstall)"
    missing=1
  fi
  return "$missing"
}

sarif_schema() {
  "$ajv" validate --spec=draft2020 -c ajv-formats -s "$sarif_schema_file" -d "$1" >"$tmp/ajv.out" 2>&1 \
    && return 0
  sed 's/^/    | /' "$tmp/ajv.out" | head -20
  return 1
}

# The multitool's findings of level error in its output log, one per line; exit 1 when there are any.
sarif_errors() {
  # shellcheck disable=SC2016  # the ${...} are JavaScript's
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8").replace(/^\uFEFF/, "");
    const errors = JSON.parse(text).runs.flatMap(run => run.results || [])
      .filter(r => r.level === "error");
    for (const e of errors)
      console.log(`    | ${e.ruleId}: ${(e.message.arguments || [e.message.text]).join(" | ")}`);
    process.exit(errors.length ? 1 : 0);' "$1"
}

sarif_rules() {
  local log=$tmp/validation.sarif
  rm -f "$log"
  # The wrapper runs the tool through a shell: the inner quotes keep the ';' from it.
  "$multitool" validate "$1" --output "$log" --log ForceOverwrite --rule-kind '"Gh;Sarif"' \
    >"$tmp/multitool.out" 2>&1
  if [[ ! -s $log ]]; then
    echo "    | the SARIF multitool wrote no log:"
    sed 's/^/    | /' "$tmp/multitool.out"
    return 2
  fi
  sarif_errors "$log"
}

validate_sarif() { sarif_schema "$1" && sarif_rules "$1"; }

validate_junit() {
  xmllint --noout --schema "$xsd" "$1" >"$tmp/xmllint.out" 2>&1 && return 0
  sed 's/^/    | /' "$tmp/xmllint.out" | head -20
  return 1
}

report() {  # report FORMAT OUT ARGS...: vetcheck exits 0 or 1 on the examples, never 2
  local format=$1 out=$2
  shift 2
  "$vetcheck" -f "$format" "$@" >"$out" 2>"$tmp/stderr"
  local code=$?
  if ((code > 1)); then
    bad "vetcheck -f $format $* exited $code: $(cat "$tmp/stderr")"
    return 1
  fi
}

check_valid() {  # check_valid FORMAT NAME ARGS...
  local format=$1 name=$2
  shift 2
  local out=$tmp/$name.$format.json
  [[ $format == junit ]] && out=$tmp/$name.xml
  report "$format" "$out" "$@" || return
  if "validate_$format" "$out"; then ok; else bad "$format report of $name is not valid (above)"; fi
}

check_rejected() {  # check_rejected VALIDATOR WHAT FILE: the validator must find fault with FILE
  local validator=$1 what=$2 file=$3 code
  "$validator" "$file" >/dev/null
  code=$?
  if ((code == 1)); then ok; else bad "$validator did not reject a broken report ($what): exit $code"; fi
}

missing_tools || exit 1

for format in sarif junit; do
  for example in examples/*.yaml; do
    check_valid "$format" "$(basename "$example" .yaml)" --lang en "$example"
  done
  check_valid "$format" all-examples --lang en examples
  check_valid "$format" all-examples-zh-explained --lang zh --explain examples
done

# A batch past GitHub's 5,000 results a run: the most severe are kept, the rest counted in the run's
# properties and a notification, and the log stays valid.
mkdir -p "$tmp/big"
for i in $(seq 1 700); do cp examples/school-fail.yaml "$tmp/big/s$i.yaml"; done
check_valid sarif big-batch --lang en -j 2 "$tmp/big"
big=$tmp/big-batch.sarif.json
results=$(grep -c '"ruleIndex"' "$big")
if [[ $results == 5000 ]] && grep -q '"omittedResults"' "$big" && grep -q '"toolExecutionNotifications"' "$big"; then
  ok
else
  bad "a big batch's SARIF has $results results (want 5000) or says nothing of the rest"
fi

# JUnit written to a file: the root's totals are written into the room left for them at the end,
# and the file stays valid; testcase names are unique within each suite.
"$vetcheck" --lang en -j 2 -f junit="$tmp/big.xml" "$tmp/big" >/dev/null 2>"$tmp/stderr"
if validate_junit "$tmp/big.xml"; then ok; else bad "a big batch's JUnit file is not valid (above)"; fi
cases=$(grep -c '<testcase ' "$tmp/big.xml")
if head -2 "$tmp/big.xml" | grep -qE "<testsuites name=\"vetcheck\" tests=\"$cases\" failures=\"[0-9]+\" errors=\"[0-9]+\" *>"; then
  ok
else
  bad "a JUnit file's root lacks the totals ($cases testcases): $(head -2 "$tmp/big.xml" | tail -1)"
fi
duplicates=$(awk '/<testsuite /{ delete seen } match($0, /<testcase name="[^"]*"/) {
  name = substr($0, RSTART, RLENGTH); if (seen[name]++) n++ } END { print n + 0 }' "$tmp/big.xml")
if [[ $duplicates == 0 ]]; then ok; else bad "$duplicates testcase names repeat within a suite"; fi

# Broken reports made from a real one, so that the validators are seen to read our structure.
good=$tmp/good.sarif.json
report sarif "$good" --lang en examples/school-fail.yaml
sed 's/"name": "vetcheck"/"title": "vetcheck"/' "$good" >"$tmp/no-tool-name.json"
check_rejected sarif_schema "tool.driver without a name" "$tmp/no-tool-name.json"
check_rejected sarif_rules "tool.driver without a name" "$tmp/no-tool-name.json"
sed 's/"level": "error"/"level": "fatal"/' "$good" >"$tmp/bad-level.json"
check_rejected sarif_schema "a level that does not exist" "$tmp/bad-level.json"
sed 's#"uri": "examples/#"uri": "file:///examples/#' "$good" >"$tmp/absolute-uri.json"
check_rejected sarif_rules "an absolute uri with a uriBaseId" "$tmp/absolute-uri.json"
sed 's/"ruleIndex": 1,/"ruleIndex": 99,/' "$good" >"$tmp/rule-index.json"
check_rejected sarif_rules "a ruleIndex beyond the rules" "$tmp/rule-index.json"

report junit "$tmp/good.xml" --lang en examples/school-fail.yaml
sed 's/<testcase /<testcase outcome="fail" /' "$tmp/good.xml" >"$tmp/unknown-attribute.xml"
check_rejected validate_junit "an attribute the schema does not declare" "$tmp/unknown-attribute.xml"
sed 's/<testsuite \(.*\) tests="[0-9]*"/<testsuite \1/' "$tmp/good.xml" >"$tmp/no-tests.xml"
check_rejected validate_junit "a testsuite without tests" "$tmp/no-tests.xml"
sed 's/&gt;/</' "$tmp/good.xml" >"$tmp/unescaped.xml"
check_rejected validate_junit "an unescaped <" "$tmp/unescaped.xml"

echo "$pass passed, $fail failed"
((fail == 0))
