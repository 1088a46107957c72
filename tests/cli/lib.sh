# The scaffolding the CLI test scripts share; sourced, after `set -u`, by run_cli_tests.sh,
# run_gate_tests.sh and run_hostile_tests.sh with their arguments VETCHECK SOURCE_DIR.
# It sets vetcheck, src, tmp (removed on exit, even when a test left it unreadable) and the counts,
# moves into SOURCE_DIR, and gives ok, bad, check and finish. A script may define selected() to
# count only some of its checks (run_cli_tests.sh: ONLY=SECTION).
vetcheck=$1
src=$2
pass=0
fail=0
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export NO_COLOR=1 LANG=C.UTF-8
cd "$src" || exit 2

declare -F selected >/dev/null || selected() { true; }
ok() { if selected; then pass=$((pass + 1)); fi; }
bad() { if selected; then echo "FAIL $*"; fail=$((fail + 1)); fi; }

# check NAME WANTED_EXIT OUTPUT_FILE ACTUAL_EXIT [LINES...]: the exit code, and every line occurring
# verbatim in the output; on failure, what went wrong and the head of the output.
check() {
  selected || return 0
  local name=$1 want=$2 out=$3 got=$4
  shift 4
  local line good=1
  if [[ $got != "$want" ]]; then
    echo "FAIL $name: exit $got, expected $want"
    good=0
  fi
  for line in "$@"; do
    if ! grep -qF -- "$line" "$out"; then
      echo "FAIL $name: output lacks: $line"
      good=0
    fi
  done
  if ((good)); then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    sed 's/^/    | /' "$out" | head -40
  fi
}

# The last line of every script: the counts, and its exit status.
finish() {
  echo "$pass passed, $fail failed"
  ((fail == 0 && pass > 0))
}
