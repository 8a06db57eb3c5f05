#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 16 (ASan + UBSan) in build-fuzz/ and runs each for
# RUNS executions (default 1,000,000) from its seed corpus in tests/fuzz/corpus/NAME (NAME is
# the target without _fuzzer). Installs clang-16 and its libFuzzer runtime when missing.
#   tools/fuzz.sh                              # every target
#   RUNS=10000000 tools/fuzz.sh grid_fuzzer    # one target, ten million runs
# Prints per target: executions, peak memory, and any finding (the crashing input is kept in
# fuzz-findings/). MAX_TIME=SECONDS stops each target after that long instead.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-1000000}
all=(repair_fuzzer period_fuzzer numerals_fuzzer grid_fuzzer drawing_fuzzer document_fuzzer contract_fuzzer
     pdf_fuzzer)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
if ! command -v clang++-16 >/dev/null || ! ls /usr/lib/llvm-16/lib/clang/16/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq clang-16 libclang-rt-16-dev >/dev/null
fi
CC=clang-16 CXX=clang++-16 cmake -S . -B build-fuzz -DITA_BUILD_FUZZERS=ON -DITA_BUILD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"
mkdir -p fuzz-findings
for t in "${targets[@]}"; do
  work=$(mktemp -d)
  if [ "$t" = pdf_fuzzer ]; then
    # Seeds: the hostile suite's cases up to 64 KB, made afresh (deterministic).
    python3 tests/data/hostile/make.py "$work/suite" samples/dev_001_born.pdf >/dev/null
    find "$work/suite" -name '*.pdf' -size -65k -exec cp {} "$work"/ \;
    rm -rf "$work/suite"
  else
    cp tests/fuzz/corpus/${t%_fuzzer}/* "$work"/
  fi
  # Inputs as long as the target's meaningful inputs: text lines are short, rasters and
  # contract records are not.
  case $t in
    grid_fuzzer|contract_fuzzer) max_len=8192 ;;
    drawing_fuzzer) max_len=2048 ;;
    document_fuzzer) max_len=1024 ;;
    pdf_fuzzer) max_len=65536 ;;
    *) max_len=512 ;;
  esac
  echo "== $t: $runs runs"
  # fontconfig's cache (reached through Poppler) is kept for the process, as in the tests.
  LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp \
  build-fuzz/tests/fuzz/$t -runs="$runs" ${MAX_TIME:+-max_total_time=$MAX_TIME} -max_len=$max_len -print_final_stats=1 -artifact_prefix=fuzz-findings/"$t"- \
    "$work" 2>&1 |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==ERROR|SUMMARY|.*runtime error)" || true
  rm -rf "$work"
done
