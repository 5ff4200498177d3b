#!/usr/bin/env bash
# Installs what chronograph needs (Debian 12 packages) when it is missing, then
# configures and builds it in build/. Safe to run again: it only does what is left.
#   ./setup.sh               release build in build/
#   ./setup.sh --with-tests  also what the test suite needs beyond the build (Debian's
#                            chromium, for the real-browser test of timeline.html)
#   BUILD_DIR=x ./setup.sh   another folder; other arguments go to cmake's configure step
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  build-essential cmake ninja-build pkg-config python3
  libboost-graph-dev libhowardhinnant-date-dev libgraphviz-dev graphviz
  catch2 libcli11-dev nlohmann-json3-dev libicu-dev
  libxml2-utils libxml2-dev time
)
# The browser test of timeline.html (tools/browser) needs Debian's chromium: only for tests.
cmake_args=()
for arg in "$@"; do
  if [ "$arg" = --with-tests ]; then CHRONOGRAPH_BROWSER_TESTS=1; else cmake_args+=("$arg"); fi
done
if [ "${CHRONOGRAPH_BROWSER_TESTS:-0}" = 1 ]; then packages+=(chromium); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${cmake_args[@]}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
