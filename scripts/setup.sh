#!/usr/bin/env bash
# Installs what greenalloc needs on a fresh Debian/Ubuntu machine that has Swift: GLPK's library and headers
# (libglpk-dev) and glpsol (glpk-utils, the reference solver used by tests and benchmarks).
set -euo pipefail
if [ -f /usr/include/glpk.h ] && command -v glpsol >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libglpk-dev glpk-utils >/dev/null
