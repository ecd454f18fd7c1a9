#!/usr/bin/env bash
# Fuzzes every reader with libFuzzer + AddressSanitizer: YAML, CSV, GraphML, GEXF, JSON, DOT
# and GDELT, and scenario files, each seeded with the committed fixtures. Crashes land in Fuzz/crashes/<reader>/;
# each one becomes a regression test.
#
#   Scripts/fuzz.sh                  # 600 s per reader, two at a time
#   Scripts/fuzz.sh --seconds 5      # a smoke run (CI)
#   Scripts/fuzz.sh --only yaml,csv  # some readers
#
# Prints, per reader, the executions done and the crashes found. Leak checking is off:
# Foundation's file reading leaks 4 KiB on an empty file (FileManager.contents(atPath:)) and
# the C libraries keep one-time allocations; traps, memory errors, timeouts and
# out-of-memory are what this looks for.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=600
only="yaml csv graphml gexf json dot gdelt events scenario"
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --only) only="${2//,/ }"; shift 2 ;;
    *) echo "usage: Scripts/fuzz.sh [--seconds N] [--only yaml,csv,…]" >&2; exit 64 ;;
  esac
done
Scripts/setup.sh
swift build --product statecraft-fuzz -c release --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xcc -fsanitize=fuzzer-no-link,address >&2
bin=.build-fuzz/release/statecraft-fuzz
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seed() {  # reader -> corpus directory with the committed fixtures of that format
  local dir="$work/corpus-$1"; mkdir -p "$dir"
  case "$1" in
    yaml)
      cp Graphs/*.yaml "$dir"/
      for f in Graphs/scenarios/*.yaml; do cp "$f" "$dir/scenario-$(basename "$f")"; done ;;
    csv) cp Graphs/*.csv "$dir"/ ;;
    graphml) cp Tests/StatecraftTests/Fixtures/*.graphml "$dir"/ ;;
    gexf) cp Tests/StatecraftTests/Fixtures/*.gexf "$dir"/ 2>/dev/null || true ;;
    json) cp Tests/StatecraftTests/Fixtures/*.json "$dir"/ 2>/dev/null || true ;;
    dot) cp Tests/StatecraftRenderTests/Golden/*.dot "$dir"/ ;;
    gdelt) cp Scripts/examples/*.CSV Tests/StatecraftTests/Fixtures/events/gdelt-export.tsv "$dir"/ ;;
    events) cp Tests/StatecraftTests/Fixtures/events/{phoenix.tsv,polecat.tsv,acled.csv} "$dir"/ ;;
    scenario) cp Graphs/scenarios/*.yaml "$dir"/ ;;
  esac
  # Hand-made hostile seeds (one-line JSON and DOT, entity declarations) and regression
  # inputs found earlier are part of the corpus too.
  [ -d "Fuzz/seeds/$1" ] && cp Fuzz/seeds/"$1"/* "$dir"/ 2>/dev/null || true
  # Regression inputs found earlier are part of the corpus too.
  [ -d "Fuzz/crashes/$1" ] && cp Fuzz/crashes/"$1"/* "$dir"/ 2>/dev/null || true
  echo "$dir"
}

run() {  # reader
  local reader=$1 corpus log
  corpus=$(seed "$reader")
  log="$work/$reader.log"
  mkdir -p "Fuzz/crashes/$reader"
  # TMPDIR: the readers that need a file write it under $work, removed on exit.
  TMPDIR="$work" ASAN_OPTIONS=detect_leaks=0 STATECRAFT_FUZZ_READER=$reader "$bin" "$corpus" -max_total_time="$seconds" -max_len=65536 \
    -rss_limit_mb=3072 -timeout=20 -detect_leaks=0 -artifact_prefix="Fuzz/crashes/$reader/" -print_final_stats=1 \
    >"$log" 2>&1 || true
  local execs crashes
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
  crashes=$(find "Fuzz/crashes/$reader" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)
  echo "$reader: ${execs:-0} executions in ${seconds} s, $crashes crashes/timeouts saved in Fuzz/crashes/$reader"
}

status=0
set -- $only
while [ $# -gt 0 ]; do
  run "$1" & first=$!
  if [ $# -gt 1 ]; then run "$2" & second=$!; wait $second; shift; fi
  wait $first
  shift
done
if find Fuzz/crashes -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null | grep -q .; then status=1; fi
exit $status
