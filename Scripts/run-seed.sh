#!/usr/bin/env bash
# The main job: set up, build, validate the seed world, render its map to
# Output/pakistan-2025.svg and its geographic view Output/pakistan-2025-geo.svg, write the briefing Output/pakistan-2025-briefing.html (one
# self-contained page: findings, map, measures, paths, balance, influence, the four
# scenarios) and print its key findings.
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build -q --product statecraft >&2
bin="$(swift build --show-bin-path)/statecraft"
[ -x "$bin" ] || { echo "build failed" >&2; exit 1; }

world=Graphs/pakistan-2025.yaml
"$bin" validate "$world"
"$bin" render "$world" --cluster-by bloc -o Output/pakistan-2025.svg
"$bin" render "$world" --layout geo -o Output/pakistan-2025-geo.svg
echo
echo "== The briefing: one HTML file to hand over (open it in a browser; it loads nothing) =="
"$bin" report "$world" --scenarios Graphs/scenarios/pakistan-2025.yaml -o Output/pakistan-2025-briefing.html
echo
echo "== Who matters: PageRank over every tie, weighted by strength =="
"$bin" rank "$world" --measure pagerank
echo
echo "== Who brokers: betweenness (length = 1/strength, normalized) =="
"$bin" rank "$world" --measure betweenness --top 6
echo
echo "== Who is targeted: in-strength of hostile ties only =="
"$bin" rank "$world" --measure in-strength --sign negative --top 5
echo
echo "== How the US reaches the Baloch groups (shortest path, ties walked either way) =="
"$bin" path "$world" USA BSG --any-direction
echo
echo "== Structural balance: which ties keep the world from splitting into two camps =="
"$bin" balance "$world"
echo
echo "== Who sways Pakistan (Friedkin–Johnsen total influence) =="
"$bin" influence "$world" --over PAK
echo
echo "== What if the US–Pakistan minerals deal is signed and China answers by deepening CPEC? =="
"$bin" scenario Graphs/scenarios/pakistan-2025.yaml --only china-deepens-cpec --top 6 \
  --map Output/pakistan-2025-china-deepens-cpec-delta.svg
echo
echo "== Which single relationship moves China's sway over Pakistan most? =="
"$bin" leverage "$world" --target "CHN over PAK" --candidates USA,CHN,PAK --candidate-type partnership --top 8
