#!/usr/bin/env bash
# Validates vetcheck's JSON report against docs/schema/report.schema.json and each line of its JSON
# Lines report against docs/schema/report-line.schema.json: every example, plain, with --explain,
# with --all and in Chinese, and batches with an input that cannot be checked, through ajv (JSON
# Schema draft 2020-12, strict mode). Also checks that broken documents are rejected, so a validator
# that accepts everything cannot pass this test.
# Usage: validate_json.sh VETCHECK SOURCE_DIR
# Needs Node.js and the pinned validators: npm ci --prefix tests/tools
set -u
vetcheck=$1
cd "$2" || exit 2
export NO_COLOR=1 LANG=C.UTF-8
ajv=tests/tools/node_modules/ajv-cli/dist/index.js
schema=docs/schema/report.schema.json
line_schema=docs/schema/report-line.schema.json
bad_input=tests/cli/cases/alias-as-key.yaml  # cannot be checked: a duplicate key

# Missing tools fail the test: a schema check that silently skips is no check.
if ! command -v node >/dev/null; then
  echo "FAIL: node not found. Install Node.js (apt-get install nodejs npm), then: npm ci --prefix tests/tools"
  exit 1
fi
if [[ ! -f $ajv || ! -d tests/tools/node_modules/ajv-formats ]]; then
  echo "FAIL: the JSON Schema validator is not installed. Run: npm ci --prefix tests/tools"
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# validate [-l] FILE.json...: ajv's exit code (0 all valid, 1 one invalid, other: could not run);
# -l: each file is one line of JSON Lines.
validate() {
  local schemas=(-s "$schema")
  if [[ $1 == -l ]]; then
    schemas=(-s "$line_schema" -r "$schema")
    shift
  fi
  local args=()
  for f in "$@"; do args+=(-d "$f"); done
  node "$ajv" validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats \
    "${schemas[@]}" "${args[@]}" >"$tmp/ajv.out" 2>&1
}

# check_all_valid: every file ajv named in $tmp/ajv.out was valid, and each of "$@" was named.
check_all_valid() {
  for out in "$@"; do
    ok=0
    grep -qxF "$out valid" "$tmp/ajv.out" && ok=1
    report "${out##*/}: does not match the schema" $ok "$tmp/ajv.out"
  done
}

report() {  # report NAME OK [DETAIL_FILE]
  if (($2)); then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $1"
    [[ -n ${3:-} ]] && sed 's/^/    | /' "$3" | head -30
  fi
}

# Every example, plain, with --explain, with --all and in Chinese, and all of them in one document.
mkdir "$tmp/reports"
for example in examples/*.yaml; do
  name=$(basename "$example" .yaml)
  for args in "--lang en" "--lang en --explain" "--lang en --all" "--lang zh --all --explain"; do
    out=$tmp/reports/$name${args//[ -]/_}.json
    # shellcheck disable=SC2086
    "$vetcheck" -f json $args "$example" >"$out" 2>"$tmp/stderr"
    code=$?
    report "$example $args: vetcheck exit $code (expected 0 or 1)" $((code == 0 || code == 1)) "$tmp/stderr"
  done
done
"$vetcheck" --lang en -f json examples/*.yaml >"$tmp/reports/all.json" 2>/dev/null
# A plan whose documents conflict carries the optional conflicts array.
"$vetcheck" --lang en -f json tests/cli/conflicts/shanxi-province.yaml >"$tmp/reports/conflicts.json" 2>/dev/null
# A batch with an input that cannot be checked: the report is still whole, with an error entry.
"$vetcheck" --lang en -f json examples/school-fail.yaml "$bad_input" examples/xx-city.yaml \
  >"$tmp/reports/with-error.json" 2>/dev/null
code=$?
report "a batch with a bad input: vetcheck exit $code (expected 2)" $((code == 2))
ok=0
grep -A3 -F "\"file\": \"$bad_input\"," "$tmp/reports/with-error.json" |
  tr -d ' \n' | grep -qF '"line":2,"column":9,"message":"duplicatekey' && ok=1
report "a batch with a bad input: no error entry for it in the JSON report" $ok \
  "$tmp/reports/with-error.json"
# One node process for all of them: ajv prints "FILE valid" or "FILE invalid" for each.
validate "$tmp"/reports/*.json
code=$?
report "ajv could not validate (exit $code)" $((code == 0 || code == 1)) "$tmp/ajv.out"
check_all_valid "$tmp"/reports/*.json
cp "$tmp/reports/all.json" "$tmp/all.json"

# JSON Lines: each line on its own against the line schema, for the same runs in one batch each.
mkdir "$tmp/lines"
jsonl_run() {  # jsonl_run NAME ARGS...: writes $tmp/lines/NAME-NNNN.json, one file a line
  local name=$1
  shift
  "$vetcheck" -f jsonl "$@" >"$tmp/$name.jsonl" 2>/dev/null
  (cd "$tmp/lines" && split -l 1 -d -a 4 --additional-suffix=.json "../$name.jsonl" "$name-")
}
jsonl_run en --lang en examples/*.yaml
jsonl_run zh-all-explain --lang zh --all --explain examples/*.yaml
jsonl_run with-error --lang en examples/school-fail.yaml "$bad_input" examples/xx-city.yaml
types=$(sed 's/^{"type":"\([a-z]*\)".*/\1/' "$tmp/with-error.jsonl" | tr '\n' ' ')
report "jsonl with a bad input: the lines are '$types'" \
  $([[ $types == "run plan error plan summary " ]] && echo 1 || echo 0)
validate -l "$tmp"/lines/*.json
code=$?
report "ajv could not validate the lines (exit $code)" $((code == 0 || code == 1)) "$tmp/ajv.out"
check_all_valid "$tmp"/lines/*.json

# Negative checks on a real report: a status the schema does not know, and a key it does not know.
# Each must be rejected as invalid (exit 1), not fail to load (exit 2).
sed '0,/"status":"fail"/s//"status":"failed"/' "$tmp/all.json" >"$tmp/bad-status.json"
sed '0,/"reason":/s//"cause":/' "$tmp/all.json" >"$tmp/bad-key.json"
for bad in bad-status bad-key; do
  if cmp -s "$tmp/all.json" "$tmp/$bad.json"; then
    report "negative check $bad: the edit did not apply" 0
    continue
  fi
  validate "$tmp/$bad.json"
  code=$?
  report "negative check $bad: a broken report was not rejected (ajv exit $code, expected 1)" \
    $((code == 1)) "$tmp/ajv.out"
done
# And a line: a plan line whose type is not one the schema knows, and a summary without its counts.
sed -n 2p "$tmp/en.jsonl" | sed 's/^{"type":"plan"/{"type":"school"/' >"$tmp/bad-line-type.json"
tail -1 "$tmp/en.jsonl" | sed 's/"plans":[0-9]*,//' >"$tmp/bad-line-summary.json"
for bad in bad-line-type bad-line-summary; do
  validate -l "$tmp/$bad.json"
  code=$?
  report "negative check $bad: a broken line was not rejected (ajv exit $code, expected 1)" \
    $((code == 1)) "$tmp/ajv.out"
done

echo "$pass passed, $fail failed"
((fail == 0))
