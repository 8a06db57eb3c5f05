#!/usr/bin/env bash
# The README's first command: installs what is needed, builds, and extracts the bundled
# samples/ into out/samples/, printing one line per document and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/install-deps.sh
tools/build.sh
rm -rf out/samples
status=0
build/ita-extract extract samples --out out/samples || status=$?
echo "JSON written to out/samples/ (exit code $status; see 'build/ita-extract extract --help')"
exit $status
