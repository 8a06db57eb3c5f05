#!/usr/bin/env bash
# The README's second command (and CI's): installs what is needed, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --test
tools/build.sh
cd build
ctest --output-on-failure -j"$(nproc)"
