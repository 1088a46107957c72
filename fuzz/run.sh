#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 60 seconds; all five targets)
#
# Targets: quantity, expression, plan, csv, pack (see fuzz/harness.hpp). Seeds are made from examples/,
# data/packs/, tests/cli/ and tests/fuzz-regressions/ at every run; the growing corpus is kept in
# $VETCHECK_FUZZ_BUILD/corpus/TARGET between runs. A crash, a leak, undefined behaviour or a hang
# (over 10 s on one input) leaves the input in $VETCHECK_FUZZ_BUILD/artifacts/TARGET/ and makes the
# script exit 1; save it under tests/fuzz-regressions/TARGET/ with the fix.
#
# Environment: VETCHECK_FUZZ_BUILD (default build-fuzz), CXX (default clang++),
# VETCHECK_FUZZ_JOBS (parallel build jobs, default 2).
set -uo pipefail
seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(quantity expression plan csv pack)

src=$(cd "$(dirname "$0")/.." && pwd)
build=${VETCHECK_FUZZ_BUILD:-$src/build-fuzz}
[[ $build = /* ]] || build=$src/$build

mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="${CXX:-clang++}" \
  -DVETCHECK_FUZZ=ON -DVETCHECK_BUILD_TESTS=OFF >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 2; }
cmake --build "$build" -j "${VETCHECK_FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}" ||
  exit 2

# --- seed corpora, made fresh from the repository's own files ---
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{quantity,expression,plan,csv,pack}
copy() {  # copy DIR FILE... : one seed per file
  local dir=$1 f
  shift
  for f in "$@"; do [[ -f $f ]] && cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done
}
lines() {  # lines DIR < text : one seed per non-empty line
  local dir=$1 n=0 line
  while IFS= read -r line; do
    [[ -n $line ]] || continue
    printf '%s' "$line" >"$dir/line-$((n += 1))"
  done
}
cd "$src" || exit 2
shopt -s nullglob globstar
copy "$seeds/plan" examples/**/*.yaml tests/cli/cases/*.yaml tests/fuzz-regressions/plan/*
copy "$seeds/csv" examples/**/*.csv tests/cli/**/*.csv tests/fuzz-regressions/csv/*
copy "$seeds/pack" data/packs/*.yaml tests/cli/*.yaml tests/cli/cases/packs/*.yaml \
  tests/fuzz-regressions/pack/*
# Expressions: every measure, target, when and require of the packs, unquoted.
sed -nE 's/^ *(- )?(measure|target|when|require): *(.*)$/\3/p' data/packs/*.yaml tests/cli/**/*.yaml |
  sed -E "s/^\"(.*)\"$/\1/; s/^'(.*)'$/\1/" | sort -u | lines "$seeds/expression"
copy "$seeds/expression" tests/fuzz-regressions/expression/*
# Quantities: every value the example plans and the cases write, and the packs' literals.
sed -nE 's/^ *[a-z_.]+: *([^ #{[][^#]*[^ #])? *(#.*)?$/\1/p' examples/**/*.yaml tests/cli/cases/*.yaml |
  sort -u | lines "$seeds/quantity"
grep -ohE '[0-9][0-9.,:%万亿倍]*[^ ,)"]*' data/packs/*.yaml | sort -u | head -500 | lines "$seeds/quantity"
copy "$seeds/quantity" tests/fuzz-regressions/quantity/*

# --- run ---
status=0
summary=$build/summary.txt
: >"$summary"
for t in "${targets[@]}"; do
  corpus=$build/corpus/$t
  artifacts=$build/artifacts/$t
  mkdir -p "$corpus" "$artifacts"
  dict=()
  [[ -f $src/fuzz/$t.dict ]] && dict=(-dict="$src/fuzz/$t.dict")
  log=$build/$t.log
  echo "=== fuzz_$t for ${seconds}s ($(ls "$seeds/$t" | wc -l) seeds)"
  "$build/fuzz/fuzz_$t" "$corpus" "$seeds/$t" "${dict[@]}" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=3072 -max_len=131072 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  runs=$(sed -nE 's/^stat::number_of_executed_units: *([0-9]+)/\1/p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  cov=$(echo "$last" | sed -nE 's/.*cov: ([0-9]+).*/\1/p')
  ft=$(echo "$last" | sed -nE 's/.*ft: ([0-9]+).*/\1/p')
  corp=$(echo "$last" | sed -nE 's/.*corp: ([0-9]+).*/\1/p')
  line=$(printf '%-10s %4ss  runs %-9s cov %-6s ft %-6s corpus %-6s %s' "$t" "$seconds" \
    "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$( ((rc)) && echo "FAILED (exit $rc)" || echo ok)")
  echo "$line" | tee -a "$summary"
  if ((rc)); then
    status=1
    grep -E 'ERROR|SUMMARY|==[0-9]+==|Test unit written|runtime error|terminate' "$log" | head -20
    echo "    full log: $log"
  fi
done
echo "--- summary ($summary)"
cat "$summary"
exit $status
