#!/usr/bin/env bash
# One bad-input case: tests/cli/cases/NAME.yaml is checked with `vetcheck --lang en NAME.yaml` (run
# inside tests/cli/cases); NAME.expect says `exit N` on its first line, optionally `args ...` on the
# next, and every further line must occur verbatim in the combined output.
# Usage: run_cli_case.sh VETCHECK SOURCE_DIR NAME
set -u
vetcheck=$1
name=$3
cd "$2/tests/cli/cases" || exit 2
export NO_COLOR=1 LANG=C.UTF-8
expect=$name.expect
[[ -f $expect ]] || { echo "FAIL $name: no $expect"; exit 1; }
want=$(sed -n '1s/^exit //p' "$expect")
args=$(sed -n '2s/^args //p' "$expect")
mapfile -t lines < <(tail -n +2 "$expect" | grep -v '^args ')
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# shellcheck disable=SC2086
"$vetcheck" --lang en $args "$name.yaml" >"$out" 2>&1 </dev/null
got=$?
ok=1
[[ $got == "$want" ]] || { echo "FAIL $name: exit $got, expected $want"; ok=0; }
for line in "${lines[@]}"; do
  grep -qF -- "$line" "$out" || { echo "FAIL $name: output lacks: $line"; ok=0; }
done
if ((ok)); then
  echo "1 passed, 0 failed"
  exit 0
fi
sed 's/^/    | /' "$out" | head -40
echo "0 passed, 1 failed"
exit 1
