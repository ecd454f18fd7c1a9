#!/usr/bin/env bash
# Sets up and runs the whole test suite (no Python needed: reference values are committed).
set -euo pipefail
cd "$(dirname "$0")/.."
Scripts/setup.sh
swift build --build-tests
swift test --skip-build
