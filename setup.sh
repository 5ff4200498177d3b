#!/usr/bin/env bash
# Installs what chronograph needs (Debian 12 packages) when it is missing, then
# configures and builds it in build/. Safe to run again: it only does what is left.
#   ./setup.sh               release build in build/
#   ./setup.sh --with-tests  also what the test suite needs beyond the build: Debian's
#                            chromium (the real-browser test of timeline.html), and clang
#                            for a second build in build-asan/ with AddressSanitizer,
#                            UndefinedBehaviorSanitizer and the libFuzzer targets
#   BUILD_DIR=x ./setup.sh   another folder; other arguments go to cmake's configure step
set -euo pipefail
cd "$(dirname "$0")"

packages=(
  build-essential cmake ninja-build pkg-config python3
  libboost-graph-dev libhowardhinnant-date-dev libgraphviz-dev graphviz
  catch2 libcli11-dev nlohmann-json3-dev libicu-dev
  libxml2-utils libxml2-dev libjemalloc-dev time
)
# Only for tests: the browser test of timeline.html (tools/browser) needs Debian's chromium;
# the sanitizer and fuzz build needs clang, its sanitizer runtimes and llvm-symbolizer.
cmake_args=()
for arg in "$@"; do
  if [ "$arg" = --with-tests ]; then with_tests=1; else cmake_args+=("$arg"); fi
done
# bsdutils (essential, so normally there) has script(1): the progress line's test runs the
# command on a terminal it makes.
if [ "${with_tests:-0}" = 1 ]; then packages+=(chromium clang-14 libclang-rt-14-dev llvm bsdutils); fi
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

# The test suite again, built with clang, ASan + UBSan and the fuzz targets (tools/fuzz):
# `ctest --test-dir build-asan` runs it, with a short run of each fuzzer. -O1: the
# sanitizers' usual trade between build time and test speed.
if [ "${with_tests:-0}" = 1 ]; then
  asan_dir=${ASAN_BUILD_DIR:-build-asan}
  cmake -S . -B "$asan_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" -DCHRONOGRAPH_SANITIZE=ON -DCHRONOGRAPH_FUZZ=ON "${cmake_args[@]}" >/dev/null
  cmake --build "$asan_dir" -j "$(nproc)"
fi
