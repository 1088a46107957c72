#!/usr/bin/env bash
# CI for hostile input (docs/limits.md), called from .ci/run after the ordinary build and tests:
#   (a) the whole test suite built with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan);
#   (b) every libFuzzer target built with clang and run for a short time (build-fuzz), about a
#       minute in all: VETCHECK_FUZZ_SECONDS per target, 12 by default (five targets).
# Packages, beside those .ci/run installs: clang libclang-rt-14-dev (clang 14, its libFuzzer and
# sanitizer runtimes; --no-install-recommends leaves the runtimes out unless named). gcc's own
# sanitizer runtimes (libasan8, libubsan1) come with build-essential.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${VETCHECK_JOBS:-2}

echo "=== (a) test suite under -fsanitize=address,undefined"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVETCHECK_WERROR=ON -DVETCHECK_SANITIZE=ON
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure

echo "=== (b) fuzz targets, ${VETCHECK_FUZZ_SECONDS:-12} s each"
VETCHECK_FUZZ_BUILD=build-fuzz VETCHECK_FUZZ_JOBS=$jobs CXX=clang++ \
  fuzz/run.sh "${VETCHECK_FUZZ_SECONDS:-12}"
