# Hardening builds (docs/limits.md):
#   VETCHECK_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer for everything, undefined
#                         behaviour fatal, so that the test suite fails on it (gcc or clang).
#   VETCHECK_FUZZ=ON      the libFuzzer targets under fuzz/, with the library instrumented for
#                         coverage and sanitized the same way (clang only).
option(VETCHECK_SANITIZE "Build with -fsanitize=address,undefined" OFF)
option(VETCHECK_FUZZ "Build the libFuzzer targets under fuzz/ (needs CMAKE_CXX_COMPILER=clang++)" OFF)
option(VETCHECK_COVERAGE "clang source-based coverage (-fprofile-instr-generate), see fuzz/coverage.sh"
       OFF)

set(VETCHECK_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer
                             -fno-sanitize-recover=undefined)

if(VETCHECK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "VETCHECK_FUZZ=ON needs clang: -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link ${VETCHECK_SANITIZER_FLAGS})
  add_link_options(${VETCHECK_SANITIZER_FLAGS})
elseif(VETCHECK_SANITIZE)
  add_compile_options(${VETCHECK_SANITIZER_FLAGS})
  add_link_options(${VETCHECK_SANITIZER_FLAGS})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    # gcc 12 reports -Wmaybe-uninitialized inside libstdc++'s <regex> (pulled in by Catch2) once
    # ASan instruments it: false positives, which -Werror would turn into a failed build.
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

# clang's -fsanitize=undefined checks 128-bit multiplication (rational.cpp) with __muloti4, which
# only compiler-rt's builtins provide, not libgcc.
if((VETCHECK_FUZZ OR VETCHECK_SANITIZE) AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} --rtlib=compiler-rt -print-libgcc-file-name
                  OUTPUT_VARIABLE VETCHECK_CLANG_BUILTINS OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(EXISTS "${VETCHECK_CLANG_BUILTINS}")
    link_libraries(${VETCHECK_CLANG_BUILTINS})
  endif()
endif()

if(VETCHECK_COVERAGE)
  add_compile_options(-fprofile-instr-generate -fcoverage-mapping)
  add_link_options(-fprofile-instr-generate)
endif()
