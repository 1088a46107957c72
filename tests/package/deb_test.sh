#!/usr/bin/env bash
# The Debian package: builds it with cpack from the build tree, checks its control fields and
# contents, unpacks it with dpkg -x into a temporary root and runs the binary from there on an
# example. Fails (never skips) when a tool it needs is missing.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -u
build=$1
src=$2
fail=0
say_fail() { echo "FAIL $*"; fail=1; }

for tool in cpack dpkg-deb dpkg dpkg-shlibdeps file; do
  if ! command -v "$tool" >/dev/null; then
    case $tool in
      cpack) hint="cmake" ;;
      dpkg-shlibdeps) hint="dpkg-dev" ;;
      *) hint=$tool ;;
    esac
    echo "FAIL: '$tool' is not installed; building the .deb needs it (apt-get install $hint)"
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
  echo "FAIL: cpack -G DEB failed:"
  cat "$tmp/cpack.log"
  exit 1
fi
debs=("$tmp"/out/*.deb)
if [[ ${#debs[@]} != 1 || ! -f ${debs[0]} ]]; then
  echo "FAIL: cpack made no single .deb:"
  ls -l "$tmp/out"
  exit 1
fi
deb=${debs[0]}
echo "built $(basename "$deb")"

field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == vetcheck ]] || say_fail "Package is '$(field Package)'"
[[ $(field Version) =~ ^[0-9]+\.[0-9]+\.[0-9]+ ]] || say_fail "Version is '$(field Version)'"
[[ $(field Architecture) == "$(dpkg --print-architecture)" ]] || say_fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
echo "Depends: $depends"
for lib in libc6 libstdc++6 libfmt libyaml-0-2; do
  [[ $depends == *"$lib"* ]] || say_fail "Depends lacks $lib: $depends"
done
[[ -n $(field Maintainer) ]] || say_fail "no Maintainer"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/vetcheck ./usr/share/man/man1/vetcheck.1.gz \
  ./usr/share/bash-completion/completions/vetcheck ./usr/share/zsh/vendor-completions/_vetcheck \
  ./usr/share/vetcheck/packs/cn-2020-7.yaml ./usr/share/vetcheck/packs/zj-2021.yaml \
  ./usr/share/doc/vetcheck/plans.md; do
  grep -qE " $path\$" <<<"$contents" || say_fail "the package lacks $path"
done
if grep -qE '\./usr/(include|lib)/|vetcheck_tests' <<<"$contents"; then
  say_fail "the package carries files it should not:"
  grep -E '\./usr/(include|lib)/|vetcheck_tests' <<<"$contents"
fi

root=$tmp/root
dpkg -x "$deb" "$root" || { echo "FAIL: dpkg -x"; exit 1; }
bin=$root/usr/bin/vetcheck
export NO_COLOR=1 LANG=C.UTF-8

out=$("$bin" --version 2>&1)
[[ $out == "vetcheck "* ]] || say_fail "--version says: $out"

out=$("$bin" --lang en "$src/examples/school-fail.yaml" 2>&1)
code=$?
[[ $code == 1 ]] || say_fail "school-fail.yaml: exit $code, expected 1"
grep -qF "✗ Full-time ideological-political teacher ratio" <<<"$out" ||
  say_fail "school-fail.yaml: no failing ratio line in: $out"
grep -qF "4 more full-time ideological-political teachers (9 → 13人)" <<<"$out" ||
  say_fail "school-fail.yaml: no shortfall line in: $out"

out=$("$bin" --lang en --pack "$root/usr/share/vetcheck/packs/cn-2020-7.yaml" "$src/examples/school-pass.yaml" 2>&1)
code=$?
[[ $code == 0 ]] || say_fail "school-pass.yaml with the installed pack file: exit $code: $out"

"$bin" init --pack cn-2020-7 --level school --type 高职 -o "$tmp/template.yaml" ||
  say_fail "init from the package"
"$bin" "$tmp/template.yaml" >/dev/null 2>&1
[[ $? == 1 ]] || say_fail "an unfilled template should exit 1"

gzip -t "$root/usr/share/man/man1/vetcheck.1.gz" 2>/dev/null || say_fail "the man page is not gzip"
bash -n "$root/usr/share/bash-completion/completions/vetcheck" || say_fail "bash completion syntax"

if ((fail)); then exit 1; fi
echo "deb package: ok"
