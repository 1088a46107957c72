#!/usr/bin/env bash
# The shell completions and the man page against the built binary.
# Usage: run_completion_tests.sh VETCHECK SOURCE_DIR bash|zsh|docs
#   bash  completions/vetcheck.bash, driven through COMP_WORDS as bash does
#   zsh   completions/_vetcheck in an interactive zsh (tests/completions/capture.zsh); exit 77
#         (skipped) when zsh is not installed
#   docs  every option of `vetcheck --help` and of each subcommand's help is in docs/vetcheck.1
#         and in both completion files
set -u
vetcheck=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$2
mode=$3
pass=0
fail=0
export NO_COLOR=1 LANG=C.UTF-8
cd "$src" || exit 2

expect() {  # expect NAME OUTPUT WORD...: every WORD is a line of OUTPUT (or starts one)
  local name=$1 out=$2 word ok=1
  shift 2
  for word in "$@"; do
    if ! grep -qxF -- "$word" <<<"$out" && ! grep -qF -- "$word -- " <<<"$out"; then
      echo "FAIL $name: no '$word' among:"
      head -20 <<<"$out" | sed 's/^/    | /'
      ok=0
    fi
  done
  if ((ok)); then pass=$((pass + 1)); else fail=$((fail + 1)); fi
}

case $mode in
bash)
  # shellcheck source=/dev/null
  source completions/vetcheck.bash
  comp() {  # the completions bash offers for the words given (the last one being completed)
    COMP_WORDS=("$vetcheck" "$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _vetcheck 2>/dev/null
    printf '%s\n' "${COMPREPLY[@]}"
  }
  expect "subcommands and plans" "$(comp "")" packs explain rollup init diff history examples
  expect "plan files" "$(comp "examples/sch")" examples/school-fail.yaml examples/school-pass.yaml
  expect "packs subcommands" "$(comp packs "")" show lint coverage verify
  expect "coverage options" "$(comp packs coverage zj-2021 --)" --source --unaccounted
  expect "a source document" "$(comp packs verify zj-2021 --source "tests/cli/coverage/sou")" \
    tests/cli/coverage/source.txt
  expect "pack ids for packs show" "$(comp packs show "")" cn-2020-7 cn-2022-opinion zj-2021 xx-city-2025 sx-2023
  expect "pack ids for init --pack" "$(comp init --pack "")" cn-2020-7 zj-2021
  expect "a list of pack ids" "$(comp init --pack "cn-2020-7,z")" cn-2020-7,zj-2021
  expect "init options" "$(comp init --)" --pack --level --type --output
  expect "levels" "$(comp init --level "")" national province city county school
  expect "types" "$(comp init --type "")" 中职 高职 技工 职业本科
  expect "diff options" "$(comp diff --)" --format --output
  expect "diff formats" "$(comp diff -f "")" term markdown json
  expect "history options" "$(comp history xx --)" --db --format --output
  expect "history formats" "$(comp history xx -f "")" term markdown json
  expect "a database file" "$(comp history xx --db "examples/school-p")" examples/school-pass.yaml
  expect "packs show formats" "$(comp packs show cn-2020-7 -f "")" term markdown json
  expect "explain options" "$(comp explain --)" --help --format
  expect "report formats" "$(comp -f "")" term json junit sarif github markdown csv html xlsx
  expect "a format to a file" "$(comp -f "sarif=examples/school-p")" sarif=examples/school-pass.yaml
  expect "global options" "$(comp --)" --lang --color --fail-on --format --output --explain --all \
    --as-of --today --pack --max-file-size --max-depth --version --help
  expect "statuses" "$(comp --fail-on "fail,w")" fail,waived
  expect "languages" "$(comp --lang "")" zh en
  expect "indicator ids" "$(comp explain "ideological_teacher_r")" ideological_teacher_ratio
  ;;
zsh)
  if ! command -v zsh >/dev/null; then
    echo "SKIP: zsh is not installed (apt-get install zsh to test completions/_vetcheck)"
    exit 77
  fi
  bin=$(mktemp -d)
  trap 'rm -rf "$bin"' EXIT
  ln -s "$vetcheck" "$bin/vetcheck"
  comp() { PATH=$bin:$PATH timeout 30 zsh tests/completions/capture.zsh "$src/completions" "$src" "vetcheck $1"; }
  expect "subcommands" "$(comp "")" packs explain rollup init diff history
  expect "packs subcommands" "$(comp "packs ")" show lint coverage verify
  expect "pack ids" "$(comp "packs show ")" cn-2020-7 zj-2021 xx-city-2025
  expect "init --pack" "$(comp "init --pack ")" cn-2020-7 cn-2022-opinion
  expect "init options" "$(comp "init --")" --pack --level --type --output
  expect "types" "$(comp "init --type ")" 中职 高职 技工 职业本科
  expect "diff options" "$(comp "diff --")" --format --output
  expect "history options" "$(comp "history xx --")" --db --format --output
  expect "report formats" "$(comp "-f ")" term json junit sarif github markdown csv html xlsx
  expect "global options" "$(comp "--")" --lang --color --fail-on --format --output --explain --all \
    --as-of --today --pack --max-file-size --max-depth --version --help
  expect "options after a plan" "$(comp "examples/school-pass.yaml --la")" --lang
  expect "indicator ids" "$(comp "explain ideological_teacher_r")" ideological_teacher_ratio
  expect "plan files" "$(comp "examples/school-")" school-fail.yaml school-pass.yaml
  ;;
docs)
  # Long options as the help lists them ("  --lang TEXT", "  -o,--output TEXT").
  options() { "$vetcheck" "$@" --help | grep -oE '^ +(-[a-z],)?--[a-z-]+' | grep -oE -- '--[a-z-]+' | sort -u; }
  for cmd in "" init diff rollup explain packs history; do
    for opt in $(options $cmd); do
      for file in docs/vetcheck.1 completions/vetcheck.bash completions/_vetcheck; do
        # The man page escapes hyphens: \-\-lang.
        pattern=$opt
        [[ $file == *.1 ]] && pattern=${opt//-/\\-}
        if grep -qF -- "$pattern" "$file"; then
          pass=$((pass + 1))
        else
          echo "FAIL ${cmd:-vetcheck} $opt is not in $file"
          fail=$((fail + 1))
        fi
      done
    done
  done
  for cmd in packs explain rollup init diff history; do
    if grep -qF ".SS \"vetcheck $cmd" docs/vetcheck.1 || grep -qE "^\.SS .*vetcheck.* $cmd" docs/vetcheck.1; then
      pass=$((pass + 1))
    else
      echo "FAIL the man page has no section for vetcheck $cmd"
      fail=$((fail + 1))
    fi
  done
  # The page itself: man reads it without a warning.
  if command -v man >/dev/null && command -v groff >/dev/null; then
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=100 man --warnings -l docs/vetcheck.1 2>&1 >/dev/null)
    if [[ -z $warnings ]]; then pass=$((pass + 1)); else echo "FAIL man warns: $warnings"; fail=$((fail + 1)); fi
  fi
  ;;
*)
  echo "usage: $0 VETCHECK SOURCE_DIR bash|zsh|docs" >&2
  exit 2
  ;;
esac
echo "$mode: $pass passed, $fail failed"
((fail == 0))
