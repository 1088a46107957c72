#!/usr/bin/env bash
# Golden-file tests: every report format on every example, compared byte for byte with
# tests/golden/FORMAT/EXAMPLE.out. A format takes part when its directory exists.
# Usage: run_golden.sh VETCHECK SOURCE_DIR     (VETCHECK_UPDATE_GOLDEN=1 rewrites the files)
set -u
vetcheck=$1
cd "$2" || exit 2
export NO_COLOR=1 LANG=C.UTF-8
pass=0
fail=0
for dir in tests/golden/*/; do
  format=$(basename "$dir")
  for example in examples/*.yaml; do
    name=$(basename "$example" .yaml)
    golden=$dir$name.out
    actual=$(mktemp)
    "$vetcheck" --lang en -f "$format" "$example" >"$actual" 2>&1
    code=$?
    echo "exit $code" >>"$actual"
    if [[ ${VETCHECK_UPDATE_GOLDEN:-} == 1 ]]; then
      cp "$actual" "$golden"
    fi
    if cmp -s "$actual" "$golden"; then
      pass=$((pass + 1))
    else
      fail=$((fail + 1))
      echo "FAIL $format on $example differs from $golden:"
      diff "$golden" "$actual" | head -20
    fi
    rm -f "$actual"
  done
done
echo "$pass passed, $fail failed"
((fail == 0))
