#!/usr/bin/env bash
# Installs the Debian 12 packages ita-extract builds and runs with; with --test also what the
# test suite drives (headless Chromium for the HTML report, Slurm and munge for the array-job
# test, qpdf). Safe to repeat.
set -euo pipefail
packages=(
  cmake g++ make pkg-config
  libpoppler-cpp-dev libpoppler-private-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng
  libicu-dev libre2-dev nlohmann-json3-dev libvalijson-dev
  libgtest-dev libgmock-dev python3
  libdatrie-dev libthai-data hunspell-th wamerican
  libcli11-dev libssl-dev libsqlite3-dev
)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium slurm-wlm munge qpdf)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
