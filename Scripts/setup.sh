#!/usr/bin/env bash
# Installs what Statecraft needs to build on Debian/Ubuntu: the Graphviz C libraries
# (libgraphviz-dev), libxml2's headers (libxml2-dev), GLPK (libglpk-dev, the integer program
# behind the exact frustration index), zlib (zlib1g-dev, zipped event files) and pkg-config. Does nothing when they are already there.
set -euo pipefail

if pkg-config --exists libgvc libxml-2.0 2>/dev/null && [ -f /usr/include/graphviz/gvc.h ] \
  && [ -f /usr/include/libxml2/libxml/xmlreader.h ] && [ -f /usr/include/glpk.h ] && [ -f /usr/include/zlib.h ]; then
  :
else
  echo "setup: installing libgraphviz-dev, libxml2-dev, libglpk-dev, zlib1g-dev and pkg-config" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libgraphviz-dev libxml2-dev libglpk-dev zlib1g-dev pkg-config >/dev/null
fi

# The layout and render plugins are registered in libgvc's config6a; without it every
# engine is "not recognized".
config=$(ls /usr/lib/*/graphviz/config6a /usr/lib/graphviz/config6a 2>/dev/null | head -n 1 || true)
if [ -z "$config" ] && command -v libgvc6-config-update >/dev/null 2>&1; then
  echo "setup: registering Graphviz plugins" >&2
  if [ "$(id -u)" -ne 0 ]; then sudo libgvc6-config-update -c; else libgvc6-config-update -c; fi
fi

command -v swift >/dev/null || { echo "setup: Swift 6 is required (https://swift.org/install)" >&2; exit 1; }
