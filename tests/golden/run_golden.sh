#!/usr/bin/env bash
# Golden-file tests: every report format on every example in both languages, compared byte for byte
# with tests/golden/FORMAT/EXAMPLE.out (English) and EXAMPLE.zh.out (Chinese). A format takes part
# when its directory exists.
# Usage: run_golden.sh VETCHECK SOURCE_DIR [FORMAT]
# VETCHECK_UPDATE_GOLDEN=1 rewrites the files that differ and prints the diff of each; it refuses to
# run under CI (CI=...), where a golden file must never be rewritten to make a test pass.
set -u
vetcheck=$1
cd "$2" || exit 2
only=${3:-}
export NO_COLOR=1 LANG=C.UTF-8
update=${VETCHECK_UPDATE_GOLDEN:-}
if [[ $update == 1 && -n ${CI:-} ]]; then
  echo "VETCHECK_UPDATE_GOLDEN=1 refused: CI is set (golden files are rewritten by a person, who reads the diff)"
  exit 1
fi
pass=0
fail=0
for dir in tests/golden/*/; do
  format=$(basename "$dir")
  [[ -z $only || $only == "$format" ]] || continue
  for example in examples/*.yaml; do
    name=$(basename "$example" .yaml)
    for lang in en zh; do
      suffix=$([[ $lang == en ]] && echo .out || echo .zh.out)
      golden=$dir$name$suffix
      actual=$(mktemp)
      "$vetcheck" --lang "$lang" -f "$format" "$example" >"$actual" 2>&1
      code=$?
      echo "exit $code" >>"$actual"
      if cmp -s "$actual" "$golden"; then
        pass=$((pass + 1))
      elif [[ $update == 1 ]]; then
        echo "REWRITTEN $golden:"
        diff "$golden" "$actual" 2>&1 | head -40
        cp "$actual" "$golden"
        pass=$((pass + 1))
      else
        fail=$((fail + 1))
        echo "FAIL $format --lang $lang on $example differs from $golden:"
        diff "$golden" "$actual" 2>&1 | head -20
      fi
      rm -f "$actual"
    done
  done
done
echo "$pass passed, $fail failed"
((fail == 0 && pass > 0))
