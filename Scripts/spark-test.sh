#!/usr/bin/env bash
# Runs Distributed/test_spark.py: the Spark aggregation job and weighted PageRank in Spark's
# local mode against `statecraft import events` and `statecraft rank` on the same generated
# GDELT-shaped files. Installs Java 17 (openjdk-17-jre-headless) with apt and pyspark from
# PyPI into .build/spark-venv when they are missing; nothing is downloaded at run time.
#
#   Scripts/spark-test.sh        # CI (after Scripts/test.sh built .build/debug/statecraft)
#   Scripts/spark-test.sh --install-only   # install Java and pyspark and stop
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
  echo "spark-test: installing openjdk-17-jre-headless" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openjdk-17-jre-headless python3-venv >/dev/null
fi
venv=.build/spark-venv
if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "spark-test: installing pyspark into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "pyspark==4.3.0"
fi
[ "${1:-}" = "--install-only" ] && exit 0  # .ci/run installs while it builds
swift build -q --product statecraft >&2
exec "$venv/bin/python" Distributed/test_spark.py --statecraft "$(swift build --show-bin-path)/statecraft" "$@"
