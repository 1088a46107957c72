#!/usr/bin/env bash
# The HTML report of a multi-plan run (every example), rendered by headless Chromium: the browser
# must parse it into a DOM that holds the key numbers and the SVG charts, must not refuse anything
# under the page's Content-Security-Policy, and leaves a screenshot for a person to look at. Then
# the progress charts of a school report with three years of figures, a 2,000-plan batch, and the
# 11,000-school corpus of bench/generate.py: its main page's load time, less an empty page's.
# Usage: html_in_browser.sh VETCHECK SOURCE_DIR OUTPUT_DIR     (CHROMIUM=path overrides the browser)
# Without a browser the test fails: a report nobody rendered is not a tested report.
set -u
vetcheck=$1
source_dir=$2
out=$3
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

find_chromium() {
  if [[ -n ${CHROMIUM:-} ]]; then  # asked for by name: that one or none
    command -v "$CHROMIUM"
    return
  fi
  local candidate
  for candidate in chromium chromium-browser google-chrome; do
    command -v "$candidate" && return 0
  done
  return 1
}

if ! chromium=$(find_chromium); then
  echo "FAIL: no Chromium found (tried \$CHROMIUM, chromium, chromium-browser, google-chrome)."
  echo "      Install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/browser."
  exit 1
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "WARNING: no font with Chinese glyphs is installed; the screenshot will show boxes for"
  echo "         Chinese (Debian: apt-get install fonts-wqy-microhei or fonts-noto-cjk)."
fi

mkdir -p "$out"
html=$out/report.html
screenshot=$out/report.png
dom=$out/dom.html
rm -f "$html" "$screenshot" "$dom"

(cd "$source_dir" && NO_COLOR=1 "$vetcheck" --lang zh -f html examples/school-fail.yaml examples/school-pass.yaml examples/shanxi-city.yaml) >"$html"
code=$?
[[ $code == 1 ]] || fail "vetcheck exited $code on the examples (expected 1: they include failures)"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Without the background-networking switches Chromium tries to reach its services and logs refused
# connections; the page itself must need no network at all.
browser=(timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$profile" --enable-logging=stderr --v=0)

"${browser[@]}" --window-size=1280,2000 --screenshot="$screenshot" "file://$html" >"$out/screenshot.log" 2>&1
[[ -s $screenshot ]] || fail "no screenshot written (see $out/screenshot.log)"
"${browser[@]}" --dump-dom "file://$html" >"$dom" 2>"$out/dom.log"
[[ -s $dom ]] || fail "no DOM dumped (see $out/dom.log)"

# The page has no script and asks for nothing, so the console must stay silent: any message there
# is a resource the policy blocked, a load that failed, or a script that should not exist.
if grep -h -E "CONSOLE|Refused to|Content Security Policy|net::ERR_" "$out/screenshot.log" "$out/dom.log"; then
  fail "the browser blocked, refused or failed to load something (above)"
fi

expect() {  # expect TEXT WHAT: the parsed DOM holds TEXT
  grep -qF -- "$1" "$dom" || fail "the DOM lacks $2: $1"
}
count() {  # count PATTERN: occurrences in the parsed DOM
  grep -oF -- "$1" "$dom" | wc -l
}

expect '<title>vetcheck — 3 份规划</title>' "the page title"
expect 'XX职业技术学院 2023 年度质量报告' "a plan name in Chinese"
expect '未达标' "a status word"
# Numbers the terminal report gives for the same plans, as SVG text and in the table.
expect '>1:500</text>' "the failing ratio of school-fail"
expect '>≥1:350</text>' "the ratio target"
expect '>46.4%</text>' "the advisory practical share"
expect '>1:376.9</text>' "the failing ratio in the Shanxi city"
expect '>≥5所 −1所</text>' "a one-sided about-target (at least 5所 less 1)"
expect '60% (12/20)' "the pass rate of school-fail among the furthest plans"
expect '<table class="heat">' "the grouped heatmap"
expect '<td class="gap">需增加4人' "the shortfall in words"
# One bar chart per plan, and a histogram per numeric indicator.
svgs=$(count '<svg ')
((svgs >= 5)) || fail "expected at least 5 SVG charts in the DOM, found $svgs"
bars=$(count '<g class="bar"')
((bars >= 25)) || fail "expected at least 25 target bars, found $bars"
cells=$(count '<td class="st-')
((cells >= 30)) || fail "expected the heatmap's cells in the DOM, found $cells"
# The browser rebuilds the DOM from what it parsed: had markup been broken (an unescaped < in a
# name), elements would be missing or misnested and these counts would differ from the source.
for element in '<svg ' '<g class="bar"' '<tr class=' '<section class="plan"' '<details'; do
  [[ $(count "$element") == $(grep -oF -- "$element" "$html" | wc -l) ]] ||
    fail "the DOM and the source differ in the number of $element"
done
for bad in 'not implemented' '<parsererror' 'http://' 'https://'; do
  if grep -qF -- "$bad" "$dom"; then fail "the DOM contains '$bad'"; fi
done

# Progress toward targets not yet due: one line chart per target with progress, in the DOM.
progress=$out/progress.html
(cd "$source_dir" && NO_COLOR=1 "$vetcheck" --lang zh -f html examples/school-progress.yaml) >"$progress"
code=$?
[[ $code == 0 ]] || fail "vetcheck exited $code on examples/school-progress.yaml (expected 0)"
"${browser[@]}" --window-size=1280,3000 --screenshot="$out/progress.png" "file://$progress" >"$out/progress.log" 2>&1
[[ -s $out/progress.png ]] || fail "no screenshot of the progress report (see $out/progress.log)"
"${browser[@]}" --dump-dom "file://$progress" >"$out/progress-dom.html" 2>>"$out/progress.log"
if grep -h -E "CONSOLE|Refused to|Content Security Policy|net::ERR_" "$out/progress.log"; then
  fail "the browser blocked, refused or failed to load something in the progress report (above)"
fi
in_progress() {  # in_progress TEXT WHAT: the progress report's DOM holds TEXT
  grep -qF -- "$1" "$out/progress-dom.html" || fail "the progress report's DOM lacks $2: $1"
}
charts=$(grep -oF '<svg class="progress-chart"' "$out/progress-dom.html" | wc -l)
[[ $charts == 2 ]] || fail "expected 2 progress charts (double-qualified share, dropout), found $charts"
in_progress 'data-status="on-track"' "the on-track chart"
in_progress 'data-status="behind"' "the behind chart"
in_progress '<polyline class="figures"' "the figures joined by a line"
in_progress '<line class="pace"' "the on-track line"
in_progress '<line class="projection"' "the dashed projection"
in_progress '2021年50%、2022年58.5%、2023年71.4%' "the figures in words in the chart's label"
in_progress '>71.4%</text>' "a figure as text"
in_progress '>≤2%</text>' "the reduction target as text"

# A national-scale batch: 2,000 plans (copies of the examples) must give a page the browser opens
# quickly. The time is printed, and only something gross fails; the DOM's size is what is asserted.
batch=$(mktemp -d)
trap 'rm -rf "$profile" "$batch"' EXIT
for ((i = 0; i < 400; i++)); do
  for f in school-fail school-pass shanxi-city xx-city zhejiang-province; do
    cp "$source_dir/examples/$f.yaml" "$batch/$i-$f.yaml"
  done
done
big=$out/batch.html
NO_COLOR=1 "$vetcheck" -f html -o "$big" "$batch" >/dev/null 2>&1
[[ -s $big ]] || fail "no HTML written for the 2,000-plan batch"
start=$(date +%s%N)
"${browser[@]}" --window-size=1280,2400 --screenshot="$out/batch.png" "file://$big" >"$out/batch.log" 2>&1
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
"${browser[@]}" --dump-dom "file://$big" >"$out/batch-dom.html" 2>>"$out/batch.log"
elements=$(grep -o '<[a-zA-Z]' "$out/batch-dom.html" | wc -l)
echo "2,000 plans: $(wc -c <"$big") bytes, $elements DOM elements, browser start+load+screenshot ${elapsed_ms} ms"
[[ -s $out/batch.png ]] || fail "no screenshot of the batch (see $out/batch.log)"
((elapsed_ms < 20000)) || fail "the 2,000-plan page took ${elapsed_ms} ms to load (bound: 20 s)"
((elements < 20000)) || fail "the 2,000-plan page has $elements elements (bound: 20,000)"
grep -qF '2000 plans' "$out/batch-dom.html" || fail "the batch page lacks its plan count"
grep -qF '<section class="plan"' "$out/batch-dom.html" &&
  fail "the batch page holds per-plan sections past the budget"

# Issue 14's goal: the main page of the 11,000-school corpus opens in under 2 s. The corpus is
# written by this run's bench/generate.py (never bench/corpus, which an older generator may have
# written: its plans would be refused by today's packs); the page is loaded alternately with an
# empty page the same way, and the difference is printed. Only a gross time fails (the machines
# running the suite are shared and slow); the figure is for reading.
schools=$batch/corpus/school
python3 "$source_dir/bench/generate.py" --out "$batch/corpus" --schools 11000 --cities 0 --big 0 \
  >"$out/generate.log" 2>&1 || fail "bench/generate.py failed (see $out/generate.log)"
national=$out/national.html
NO_COLOR=1 "$vetcheck" --lang zh -f html -o "$national" "$schools" >/dev/null 2>"$out/national.log"
code=$?
[[ $code != 2 ]] || fail "the 11,000-school corpus has inputs vetcheck refused (exit 2; see $out/national.log)"
[[ -s $national ]] || fail "no HTML written for the 11,000-school corpus"
if [[ -s $national ]]; then
  grep -qF '11000 份规划' "$national" || fail "the national page lacks its plan count"
  nodes=$(grep -o '<[a-zA-Z]' "$national" | wc -l)
  if load=$(bash "$source_dir/tests/report/measure_page_load.sh" "$national" 3); then
    echo "11,000 schools: $(wc -c <"$national") bytes, $nodes elements; $load"
    difference=$(sed -E 's/.* ([0-9-]+) ms page minus empty page.*/\1/' <<<"$load")
    ((difference < 30000)) || fail "the 11,000-school page took ${difference} ms more than an empty page (bound: 30 s)"
  else
    fail "the 11,000-school page could not be measured"
  fi
  ((nodes < 30000)) || fail "the 11,000-school page has $nodes elements (bound: 30,000)"
fi

echo "report:     $html"
echo "DOM:        $dom"
echo "screenshot: $screenshot"
echo "progress:   $out/progress.png"
if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
echo "html in browser: all checks passed"
