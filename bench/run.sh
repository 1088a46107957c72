#!/usr/bin/env bash
# The vetcheck benchmark: builds vetcheck (Release), the floor programs and the Node peers, writes
# the synthetic corpus if needed, then measures everything in this one run and prints a table and
# the goals of the issue. Warm cache: every command runs once before it is measured; each figure is
# the median of 3 runs (wall seconds, peak RSS and user+system CPU seconds from GNU time).
#
#   bench/run.sh            everything (4-6 minutes on 2 cores once vetcheck is built)
#   RUNS=5 bench/run.sh     more measured runs per command
#   SKIP_BIG=1 bench/run.sh do not measure the 50 MB plan
#
# Needs: cmake, a C++20 compiler, pkg-config, libyaml-dev, libyaml-cpp-dev, libfmt-dev,
# libcli11-dev, python3, node and npm, GNU time (/usr/bin/time, Debian package `time`); hyperfine
# is used when installed (Debian package `hyperfine`), else a loop of 200 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${RUNS:-3}
BUILD=$ROOT/build-release
OUT=$ROOT/build-bench
# relative paths, as a user types them: every located value keeps a copy of its file name, so
# longer paths cost memory (an absolute path adds ~50 MB to the 50 MB plan's peak)
CORPUS=bench/corpus
PACK=$ROOT/data/packs/cn-2020-7.yaml
mkdir -p "$OUT"
RESULTS=$OUT/results.tsv
: >"$RESULTS"

say() { printf '%s\n' "$*" >&2; }

if [ ! -x /usr/bin/time ]; then
  say "GNU time is missing: apt-get install -y time"
  exit 2
fi

say "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

say "== building vetcheck (Release)"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >"$OUT/cmake.log" 2>&1 || { cat "$OUT/cmake.log"; exit 2; }
cmake --build "$BUILD" -j"$(nproc)" --target vetcheck >"$OUT/build.log" 2>&1 || { tail -50 "$OUT/build.log"; exit 2; }
VC=$BUILD/vetcheck

say "== building the floor programs"
CXXFLAGS="-std=c++20 -O3 -DNDEBUG"
# shellcheck disable=SC2086,SC2046
c++ $CXXFLAGS bench/read_files.cpp -o "$OUT/read_files"
# shellcheck disable=SC2086,SC2046
c++ $CXXFLAGS bench/libyaml_parse.cpp -o "$OUT/libyaml_parse" $(pkg-config --cflags --libs yaml-0.1)
# shellcheck disable=SC2086,SC2046
c++ $CXXFLAGS bench/yamlcpp_parse.cpp -o "$OUT/yamlcpp_parse" $(pkg-config --cflags --libs yaml-cpp)

say "== installing the Node peers (npm ci)"
(cd bench && npm ci --no-audit --no-fund --loglevel=error >"$OUT/npm.log" 2>&1) || { cat "$OUT/npm.log"; exit 2; }

say "== corpus"
python3 bench/generate.py --if-changed --check "$VC" >&2

JOBS_FLAG=""
if "$VC" --help | grep -q -- --jobs; then
  JOBS_FLAG="--jobs"
  say "== vetcheck has --jobs: measuring 1 job and $(nproc) jobs"
else
  say "== vetcheck has no --jobs yet: the multi-job lines are n/a"
fi

median() { printf '%s\n' "$@" | sort -g | awk -v n=$# 'NR == int((n + 1) / 2)'; }

# measure SECTION NAME OK_CODES COMMAND...: one warm run (its output kept in $OUT/SECTION-NAME.out),
# then $RUNS measured runs with output to /dev/null; records the medians.
measure() {
  local section=$1 name=$2 ok=$3
  shift 3
  local log
  log="$OUT/$(printf '%s-%s' "$section" "$name" | tr -c 'A-Za-z0-9.-' '_')"
  local code=0
  "$@" >"$log.out" 2>"$log.err" || code=$?
  if [[ " $ok " != *" $code "* ]]; then
    say "!! $section / $name: exit $code (expected $ok):"
    head -20 "$log.err" >&2
    exit 2
  fi
  local secs=() kbs=() cpus=()
  for _ in $(seq "$RUNS"); do
    local t0=$EPOCHREALTIME
    /usr/bin/time -f "%e %M %U %S" -o "$log.time" "$@" >/dev/null 2>/dev/null || true
    local t1=$EPOCHREALTIME
    local m u sy
    read -r _ m u sy < <(tail -1 "$log.time")
    # wall time to the microsecond (GNU time's %e has hundredths only)
    secs+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
    kbs+=("$m")
    cpus+=("$(awk -v u="$u" -v s="$sy" 'BEGIN { printf "%.2f", u + s }')")
  done
  local s k c
  s=$(median "${secs[@]}")
  k=$(median "${kbs[@]}")
  c=$(median "${cpus[@]}")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$section" "$name" "$s" "$k" "$log.out" "$c" >>"$RESULTS"
  say "   $section / $name: ${s}s (cpu ${c}s), $((k / 1024)) MB  (runs: ${secs[*]})"
}

na() { printf '%s\t%s\tn/a\tn/a\t\n' "$1" "$2" >>"$RESULTS"; }

bench_corpus() {
  local section=$1 dir=$2
  say "== $section: $dir"
  measure "$section" "read files (floor)" "0" "$OUT/read_files" "$dir"
  measure "$section" "libyaml events (floor)" "0" "$OUT/libyaml_parse" "$dir"
  measure "$section" "yaml-cpp tree (reference)" "0" "$OUT/yamlcpp_parse" "$dir"
  measure "$section" "vetcheck, 1 job" "0 1" "$VC" --lang en -f term ${JOBS_FLAG:+--jobs 1} "$dir"
  if [ -n "$JOBS_FLAG" ] && [ "$section" != "big plan" ]; then
    measure "$section" "vetcheck, $(nproc) jobs" "0 1" "$VC" --lang en -f term --jobs "$(nproc)" "$dir"
  elif [ "$section" != "big plan" ]; then
    na "$section" "vetcheck, all jobs"
  fi
  measure "$section" "peer: js-yaml + plain loop" "0" node bench/peer_plain_loop.js "$PACK" "$dir"
  measure "$section" "peer: js-yaml + json-rules-engine" "0" node bench/peer_rules_engine.js "$PACK" "$dir"
}

bench_corpus "school corpus" "$CORPUS/school"

# The report formats of issue 14, one job, beside libyaml's parse of the same files: the warm run's
# output is kept, so report.py also gives the size a plan. A format this build does not have yet
# (vetcheck exits 2 on an unknown -f) is recorded as n/a rather than stopping the benchmark.
for fmt in json jsonl; do
  if "$VC" --lang en -f "$fmt" "$(find "$CORPUS/school" -name '*.yaml' | LC_ALL=C sort | awk 'NR == 1')" \
    >/dev/null 2>&1 || [ $? -eq 1 ]; then
    measure "school corpus" "vetcheck -f $fmt, 1 job" "0 1" "$VC" --lang en -f "$fmt" ${JOBS_FLAG:+--jobs 1} "$CORPUS/school"
  else
    na "school corpus" "vetcheck -f $fmt, 1 job"
  fi
done
# -f sqlite goes to a file, a fresh one each run (a run on an existing database appends to it).
if "$VC" --lang en -f sqlite="$OUT/probe.db" "$(find "$CORPUS/school" -name '*.yaml' | LC_ALL=C sort | awk 'NR == 1')" \
  >/dev/null 2>&1 || [ $? -eq 1 ]; then
  # shellcheck disable=SC2016
  measure "school corpus" "vetcheck -f sqlite, 1 job" "0 1" bash -c 'rm -f "$1"; exec "$2" --lang en -f sqlite="$1" $3 "$4"' \
    _ "$OUT/results.db" "$VC" "${JOBS_FLAG:+--jobs 1}" "$CORPUS/school"
else
  na "school corpus" "vetcheck -f sqlite, 1 job"
fi
rm -f "$OUT/probe.db"
# -f xlsx goes to a file too (an Excel workbook in libxlsxwriter's constant-memory mode); then every
# format at once, each to its own file, for issue 14's goals on time (6×) and peak memory (150 MB).
if "$VC" --lang en -f xlsx="$OUT/probe.xlsx" "$(find "$CORPUS/school" -name '*.yaml' | LC_ALL=C sort | awk 'NR == 1')" \
  >/dev/null 2>&1 || [ $? -eq 1 ]; then
  measure "school corpus" "vetcheck -f xlsx, 1 job" "0 1" "$VC" --lang en -f xlsx="$OUT/results.xlsx" \
    ${JOBS_FLAG:+--jobs 1} "$CORPUS/school"
  every=()
  for fmt in json jsonl junit sarif markdown csv csv-matrix html xlsx; do every+=(-f "$fmt=$OUT/every.$fmt"); done
  # shellcheck disable=SC2016
  measure "school corpus" "vetcheck, every format at once, 1 job" "0 1" bash -c 'rm -f "$1"; shift; exec "$@"' \
    _ "$OUT/every.sqlite" "$VC" --lang en "${every[@]}" -f sqlite="$OUT/every.sqlite" ${JOBS_FLAG:+--jobs 1} "$CORPUS/school"
else
  na "school corpus" "vetcheck -f xlsx, 1 job"
  na "school corpus" "vetcheck, every format at once, 1 job"
fi
rm -f "$OUT/probe.xlsx"
# The mixed corpus of issue 14: school, city and province plans, the examples repeated to 1,000.
MIXED=$CORPUS/mixed
if [ "$(find "$MIXED" -name '*.yaml' 2>/dev/null | wc -l)" -ne 1000 ]; then
  rm -rf "$MIXED"
  mkdir -p "$MIXED"
  for i in $(seq 1 200); do
    for f in examples/*.yaml; do cp "$f" "$MIXED/$(basename "$f" .yaml)-$i.yaml"; done
  done
fi
say "== mixed corpus: $MIXED"
measure "mixed corpus" "libyaml events (floor)" "0" "$OUT/libyaml_parse" "$MIXED"
for fmt in json jsonl; do
  measure "mixed corpus" "vetcheck -f $fmt, 1 job" "0 1" "$VC" --lang en -f "$fmt" ${JOBS_FLAG:+--jobs 1} "$MIXED"
done
bench_corpus "city corpus" "$CORPUS/city"
[ -z "${SKIP_BIG:-}" ] && bench_corpus "big plan" "$CORPUS/big"

say "== one plan as a whole process (start-up and packs included)"
ONE_SCHOOL=$(find "$CORPUS/school" -name '*.yaml' | LC_ALL=C sort | awk 'NR == 1')
one_plan() {
  local name=$1
  shift
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 20 --runs 200 --export-json "$OUT/hyperfine.json" "$*" >"$OUT/hyperfine.log" 2>&1
    local s m
    s=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$OUT/hyperfine.json")
    m=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["min"])' "$OUT/hyperfine.json")
  else
    local start end
    start=$(date +%s.%N)
    for _ in $(seq 200); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s.%N)
    s=$(python3 -c "print(($end - $start) / 200)")
    m=""
  fi
  /usr/bin/time -f "%e %M" -o "$OUT/one.time" "$@" >/dev/null 2>&1 || true
  local k
  k=$(tail -1 "$OUT/one.time" | cut -d' ' -f2)
  printf '%s\t%s\t%s\t%s\t\t%s\n' "one plan" "$name" "$s" "$k" "$m" >>"$RESULTS"
  say "   one plan / $name: $(python3 -c "print(f'{$s * 1000:.2f}')") ms, $((k / 1024)) MB"
}
one_plan "vetcheck --version (start-up only)" "$VC" --version
one_plan "vetcheck, a school report (1 pack)" "$VC" --lang en "$ONE_SCHOOL"
one_plan "vetcheck, examples/xx-city.yaml (3 packs)" "$VC" --lang en "$ROOT/examples/xx-city.yaml"
one_plan "node, empty script (start-up only)" node -e 0

say "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 bench/report.py "$RESULTS" "$OUT" "$JOBS_FLAG" "$(nproc)"
