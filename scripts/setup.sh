#!/usr/bin/env bash
# Installs what greenalloc needs on a fresh Debian/Ubuntu machine that has Swift, and only what is missing:
#   scripts/setup.sh          GLPK's library and headers (libglpk-dev), glpsol (glpk-utils, the reference
#                             solver of the benchmarks) and SQLite's (libsqlite3-dev, for the run history)
#   scripts/setup.sh --tests  also what the tests use: cbc (coinor-cbc, the optional --solver cbc backend),
#                             headless Chromium with fonts-noto-cjk and poppler-utils (the HTML report's browser
#                             check), LibreOffice Calc and openpyxl (independent readers of the written workbooks)
set -euo pipefail
tests=0
for argument in "$@"; do
    case "$argument" in
        --tests) tests=1 ;;
        *) echo "usage: scripts/setup.sh [--tests]" >&2; exit 64 ;;
    esac
done
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
packages=()
[ -f /usr/include/glpk.h ] || packages+=(libglpk-dev)
[ -f /usr/include/sqlite3.h ] || packages+=(libsqlite3-dev)
command -v glpsol >/dev/null 2>&1 || packages+=(glpk-utils)
if [ "$tests" = 1 ]; then
    command -v cbc >/dev/null 2>&1 || packages+=(coinor-cbc)
    command -v chromium >/dev/null 2>&1 || packages+=(chromium)
    [ -d /usr/share/fonts/opentype/noto ] || packages+=(fonts-noto-cjk)
    command -v pdftotext >/dev/null 2>&1 || packages+=(poppler-utils)
    command -v soffice >/dev/null 2>&1 || packages+=(libreoffice-calc-nogui)
fi
if [ "${#packages[@]}" -gt 0 ]; then
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
if [ "$tests" = 1 ] && ! python3 -c 'import openpyxl' >/dev/null 2>&1; then
    python3 -m pip install -q openpyxl
fi
