#!/usr/bin/env bash
# The README's second command (and CI's): installs what is needed, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh --test
tools/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
# The same code under AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer: every
# unit test, the samples end to end, the batch and the hostile-PDF suite (the OCR-heavy and
# browser tests run once, above). ITA_SKIP_SANITIZERS=1 skips it on a developer machine.
if [ "${ITA_SKIP_SANITIZERS:-0}" != 1 ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DITA_SANITIZE=ON >/dev/null
  cmake --build build-asan -j"$(nproc)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/sanitizers/lsan.supp" \
    ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E "slurm|chromium|cli_batch_end_to_end|OcrEngineContract|Ocr"
fi
