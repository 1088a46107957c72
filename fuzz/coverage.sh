#!/usr/bin/env bash
# Line coverage of vetcheck's own code (src/) by the fuzz corpora that fuzz/run.sh grew: builds the
# targets again with clang's source-based coverage, replays $VETCHECK_FUZZ_BUILD/corpus/TARGET and
# the seeds through each, and prints llvm-cov's report, one line per source file and a total.
#
#   fuzz/coverage.sh [TARGET...]     (after fuzz/run.sh; default: all five targets)
set -uo pipefail
targets=("$@")
((${#targets[@]})) || targets=(quantity expression plan csv pack)
src=$(cd "$(dirname "$0")/.." && pwd)
fuzz_build=${VETCHECK_FUZZ_BUILD:-$src/build-fuzz}
[[ $fuzz_build = /* ]] || fuzz_build=$src/$fuzz_build
build=$fuzz_build-coverage
mkdir -p "$build"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="${CXX:-clang++}" \
  -DVETCHECK_FUZZ=ON -DVETCHECK_COVERAGE=ON -DVETCHECK_BUILD_TESTS=OFF >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 2; }
cmake --build "$build" -j "${VETCHECK_FUZZ_JOBS:-2}" --target "${targets[@]/#/fuzz_}" || exit 2
rm -f "$build"/*.profraw
objects=()
for t in "${targets[@]}"; do
  dirs=()
  for d in "$fuzz_build/corpus/$t" "$fuzz_build/seeds/$t" "$src/tests/fuzz-regressions/$t"; do
    [[ -d $d ]] && dirs+=("$d")
  done
  echo "=== $t: replaying $(find "${dirs[@]}" -type f | wc -l) inputs"
  LLVM_PROFILE_FILE="$build/$t.profraw" ASAN_OPTIONS=detect_leaks=0 \
    "$build/fuzz/fuzz_$t" -runs=0 "${dirs[@]}" >"$build/$t.replay.log" 2>&1
  if ((${#objects[@]})); then objects+=(-object "$build/fuzz/fuzz_$t"); else objects=("$build/fuzz/fuzz_$t"); fi
done
llvm-profdata merge -sparse "$build"/*.profraw -o "$build/all.profdata" || exit 2
llvm-cov report "${objects[@]}" -instr-profile="$build/all.profdata" \
  -ignore-filename-regex='(fuzz/|/usr/|embedded_packs)' "$src/src" | tee "$build/report.txt"
