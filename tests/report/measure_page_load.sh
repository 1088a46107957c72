#!/usr/bin/env bash
# How long headless Chromium takes to load an HTML page, less what it takes to load an empty page
# the same way in the same run: the browser's start, its profile and its exit cost the same for
# both, so the difference is the page's own parsing, style and layout (the page has no script, so
# it cannot time itself). Each page is loaded RUNS times, alternately, and the median is taken.
# Usage: measure_page_load.sh PAGE.html [RUNS]        (CHROMIUM=path overrides the browser)
# Prints one line: "<page> ms page, <empty> ms empty page, <difference> ms page minus empty page
# (CPU: <page> ms, <empty> ms, <difference> ms)", wall-clock times first;
# exits 1 when no browser is found or a load fails.
set -u
page=$1
runs=${2:-3}

chromium=${CHROMIUM:-}
if [[ -z $chromium ]]; then
  for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null; then
      chromium=$candidate
      break
    fi
  done
fi
if [[ -z $chromium ]] || ! command -v "$chromium" >/dev/null; then
  echo "measure_page_load.sh: no Chromium found (set CHROMIUM=/path/to/browser)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
empty=$work/empty.html
printf '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>empty</title>\n</head>\n<body>\n</body>\n</html>\n' >"$empty"

# A page loaded as the browser test loads it: a fresh profile, no network, a screenshot taken once
# the load is complete (so parsing, style, layout and paint are included). Prints the wall time and
# the CPU time of the browser and its processes (user + system), both in ms: on a shared machine
# the wall time grows with the load, the CPU time much less.
load_ms() {
  local profile times
  profile=$(mktemp -d "$work/profile.XXXX")
  times=$({ TIMEFORMAT='%R %U %S'; time timeout 300 "$chromium" --headless --no-sandbox --disable-gpu \
    --disable-quic --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$profile" --window-size=1280,2000 \
    --screenshot="$work/shot.png" "file://$1" >"$work/log" 2>&1; } 2>&1) || return 1
  [[ -s $work/shot.png ]] || return 1
  rm -rf "$profile" "$work/shot.png"
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$times"
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

page_wall=() page_cpu=() empty_wall=() empty_cpu=()
for ((i = 0; i < runs; i++)); do
  read -r wall cpu < <(load_ms "$empty") && [[ -n ${wall:-} ]] ||
    { echo "measure_page_load.sh: the empty page did not load" >&2; exit 1; }
  empty_wall+=("$wall") empty_cpu+=("$cpu")
  wall='' cpu=''
  read -r wall cpu < <(load_ms "$(realpath "$page")") && [[ -n ${wall:-} ]] ||
    { echo "measure_page_load.sh: $page did not load" >&2; exit 1; }
  page_wall+=("$wall") page_cpu+=("$cpu")
  wall='' cpu=''
done
pw=$(printf '%s\n' "${page_wall[@]}" | median)
ew=$(printf '%s\n' "${empty_wall[@]}" | median)
pc=$(printf '%s\n' "${page_cpu[@]}" | median)
ec=$(printf '%s\n' "${empty_cpu[@]}" | median)
echo "$pw ms page, $ew ms empty page, $((pw - ew)) ms page minus empty page (CPU: $pc ms, $ec ms, $((pc - ec)) ms)"
