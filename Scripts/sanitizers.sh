#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and then ThreadSanitizer (separate build
# folders, .build-asan and .build-tsan), including the Graphviz lock, the parallel
# betweenness/closeness/Monte Carlo code and the CLI process tests.
#
#   Scripts/sanitizers.sh            # both
#   Scripts/sanitizers.sh address    # one
#
# handle_segv=0: the layout-crash test needs a real SIGSEGV in the child, not the sanitizer's report.
# Leak detection is off (Foundation and the C libraries keep one-time allocations; see
# Scripts/fuzz.sh). Under ThreadSanitizer the PNG renders go through pango and cairo, which are
# not instrumented; STATECRAFT_SANITIZER tells that test to render SVG and PDF only.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
for sanitizer in "${@:-address thread}"; do
  for s in $sanitizer; do
    scratch=".build-$( [ "$s" = address ] && echo asan || echo tsan )"
    echo "== $s sanitizer ($scratch)" >&2
    swift build --build-tests --sanitize="$s" --scratch-path "$scratch"
    ASAN_OPTIONS=detect_leaks=0:handle_segv=0 TSAN_OPTIONS=halt_on_error=1:handle_segv=0 STATECRAFT_SANITIZER="$s" \
      swift test --skip-build --sanitize="$s" --scratch-path "$scratch"
  done
done
