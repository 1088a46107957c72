#!/usr/bin/env bash
# Where vetcheck's time goes on the school corpus: callgrind on a subset of 300 reports (every 37th
# file) and on one report, compared phase by phase per file; then perf (cpu-clock samples, since
# this machine has no hardware counters) on the whole school corpus and on the 50 MB plan.
# Uses a Release build with debug info in build-prof/. Run bench/run.sh (or generate.py) first.
#
#   bench/profile.sh      about 3 minutes after the build
set -eu
cd "$(dirname "$0")/.."
OUT=build-bench
mkdir -p "$OUT"
cmake -S . -B build-prof -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="-g -fno-omit-frame-pointer" \
  -DVETCHECK_BUILD_TESTS=OFF >"$OUT/prof-cmake.log"
cmake --build build-prof -j"$(nproc)" --target vetcheck >"$OUT/prof-build.log"
VC=build-prof/vetcheck
find bench/corpus/school -name '*.yaml' | LC_ALL=C sort | awk 'NR % 37 == 1' | awk 'NR <= 300' >"$OUT/subset.txt"
N=$(wc -l <"$OUT/subset.txt")
# shellcheck disable=SC2046
c++ -std=c++20 -O3 -DNDEBUG bench/libyaml_parse.cpp -o "$OUT/libyaml_parse" $(pkg-config --cflags --libs yaml-0.1)

echo "== callgrind: $N school reports, and the first of them alone"
# shellcheck disable=SC2046
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.school.out" "$VC" --lang en -f term \
  $(cat "$OUT/subset.txt") >/dev/null 2>"$OUT/callgrind.school.log" || true
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.one.out" "$VC" --lang en -f term \
  "$(awk 'NR == 1' "$OUT/subset.txt")" >/dev/null 2>"$OUT/callgrind.one.log" || true
# shellcheck disable=SC2046
valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.libyaml.out" "$OUT/libyaml_parse" \
  $(cat "$OUT/subset.txt") >/dev/null 2>"$OUT/callgrind.libyaml.log"
echo "libyaml floor on the same files: $(grep -o 'refs: *[0-9,]*' "$OUT/callgrind.libyaml.log" | tr -s ' ') instructions"
python3 bench/callgrind_phases.py "$OUT/callgrind.school.out" "$OUT/callgrind.one.out" "$N"
echo
echo "top 25 functions by inclusive cost ($N files):"
callgrind_annotate --inclusive=yes "$OUT/callgrind.school.out" 2>/dev/null | sed -n '/file:function/,$p' |
  grep '\[' | awk 'NR > 1 && NR <= 26' | cut -c1-160
echo
echo "top 20 functions by own cost ($N files):"
callgrind_annotate "$OUT/callgrind.school.out" 2>/dev/null | sed -n '/file:function/,$p' |
  awk 'NR > 2 && NR <= 22' | cut -c1-160

if perf record -e cpu-clock -o /dev/null true >/dev/null 2>&1; then
  for what in school big; do
    echo
    echo "== perf: the whole $what corpus, own time by library and by function"
    perf record -q -e cpu-clock -F 1000 -g -o "$OUT/perf.$what.data" "$VC" --lang en -f term \
      "bench/corpus/$what" >/dev/null 2>&1 || true
    perf report -i "$OUT/perf.$what.data" --no-children --sort dso --stdio -g none 2>/dev/null |
      grep '%' | grep -v '^#' | awk 'NR <= 6'
    perf report -i "$OUT/perf.$what.data" --no-children --sort symbol --stdio -g none 2>/dev/null |
      grep '%' | grep -v '^#' | awk 'NR <= 15' | cut -c1-150
    echo "  inclusive (children) of some phases:"
    perf report -i "$OUT/perf.$what.data" --children --sort symbol --stdio -g none 2>/dev/null |
      grep -E 'check_files|load_plan|check_plan|TerminalReporter::write|PlanReport.*~vector|\] exc_page_fault' |
      awk 'NR <= 8' | cut -c1-150
  done
else
  echo "perf cannot sample here; callgrind only"
fi
