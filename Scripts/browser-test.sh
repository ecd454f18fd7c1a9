#!/usr/bin/env bash
# Opens Statecraft's briefings in headless Chromium and checks what a reader sees
# (Scripts/browser_check.py: console errors, network requests, sections, hover, sorting,
# focus, print to A4, hostile strings). Installs chromium, chromium-driver and poppler-utils
# with apt when they are missing, builds a release `statecraft` (the 5,000-actor briefing is
# timed against its budget), and keeps screenshots in the folder it prints when given --keep.
#
#   Scripts/browser-test.sh            # CI
#   Scripts/browser-test.sh --keep     # keep the pages, screenshots and PDF pages to look at
#   Scripts/browser-test.sh --install-only   # install what it needs and stop
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "browser-test: installing chromium, chromium-driver and poppler-utils" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils fonts-dejavu-core >/dev/null
fi
command -v python3 >/dev/null || { echo "browser-test: python3 is required" >&2; exit 1; }
[ "${1:-}" = "--install-only" ] && exit 0  # .ci/run installs while it builds
swift build -q -c release --product statecraft >&2
exec python3 Scripts/browser_check.py --bin "$(swift build -c release --show-bin-path)/statecraft" "$@"
