#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each for
# RUNS executions (default 1,000,000) from the seed corpus in tests/fuzz/corpus/.
#   tools/fuzz.sh            # both targets
#   RUNS=5000000 tools/fuzz.sh period_fuzzer
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-1000000}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(repair_fuzzer period_fuzzer)
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DITA_BUILD_FUZZERS=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
for t in "${targets[@]}"; do
  corpus=tests/fuzz/corpus/${t%_fuzzer}
  work=$(mktemp -d)
  cp "$corpus"/* "$work"/
  echo "== $t: $runs runs"
  build-fuzz/tests/fuzz/$t -runs="$runs" -max_len=512 -print_final_stats=1 "$work" 2>&1 |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY)" || true
  rm -rf "$work"
done
