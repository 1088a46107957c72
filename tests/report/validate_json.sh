#!/usr/bin/env bash
# Validates vetcheck's JSON report against docs/schema/report.schema.json: every example, plain and
# with --explain, through ajv (JSON Schema draft 2020-12, strict mode). Also checks that a broken
# document is rejected, so a validator that accepts everything cannot pass this test.
# Usage: validate_json.sh VETCHECK SOURCE_DIR
# Needs Node.js and the pinned validators: npm ci --prefix tests/tools
set -u
vetcheck=$1
cd "$2" || exit 2
export NO_COLOR=1 LANG=C.UTF-8
ajv=tests/tools/node_modules/ajv-cli/dist/index.js
schema=docs/schema/report.schema.json

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

validate() {  # validate FILE.json...: ajv's exit code (0 all valid, 1 one invalid, other: could not run)
  local args=()
  for f in "$@"; do args+=(-d "$f"); done
  node "$ajv" validate --spec=draft2020 --strict=true --allow-union-types -c ajv-formats \
    -s "$schema" "${args[@]}" >"$tmp/ajv.out" 2>&1
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

# Every example, plain, with --explain and in Chinese, and all of them in one document.
mkdir "$tmp/reports"
for example in examples/*.yaml; do
  name=$(basename "$example" .yaml)
  for args in "--lang en" "--lang en --explain" "--lang zh"; do
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
# One node process for all of them: ajv prints "FILE valid" or "FILE invalid" for each.
validate "$tmp"/reports/*.json
code=$?
report "ajv could not validate (exit $code)" $((code == 0 || code == 1)) "$tmp/ajv.out"
for out in "$tmp"/reports/*.json; do
  ok=0
  grep -qxF "$out valid" "$tmp/ajv.out" && ok=1
  report "${out##*/}: the report does not match the schema" $ok "$tmp/ajv.out"
done
cp "$tmp/reports/all.json" "$tmp/all.json"

# Negative checks on a real report: a status the schema does not know, and a key it does not know.
# Each must be rejected as invalid (exit 1), not fail to load (exit 2).
sed '0,/"status": "fail"/s//"status": "failed"/' "$tmp/all.json" >"$tmp/bad-status.json"
sed '0,/"reason": /s//"cause": /' "$tmp/all.json" >"$tmp/bad-key.json"
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

echo "$pass passed, $fail failed"
((fail == 0))
