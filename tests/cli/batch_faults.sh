#!/usr/bin/env bash
# Batches under faults, as an operator meets them (issue 28): each section is one fault, and
# after each nothing is lost and every ledger line parses.
#   1 failures kept by --resume      2 a full disk (tmpfs; ulimit -f without root), a torn ledger
#   3 stdout that refuses records    4 names that are not UTF-8
#   5 outputs of two runs meeting    6 two batches on one --out
#   7 links, empty folders, a file deleted during the run
#   8 progress inside a document, the message at the first signal
# (9, the cost of one file, is a benchmark: bench/run.sh.)
#   tests/cli/batch_faults.sh BUILD/ita-extract SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d /tmp/ita_faults.XXXXXX)
mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"

# Every line of a ledger parses (and it ends in a newline).
ledger_whole() {
  python3 - "$1" <<'PY' || fail "ledger $1 has a line that does not parse"
import json, sys
data = open(sys.argv[1], "rb").read()
assert not data or data.endswith(b"\n"), "torn last line"
for line in data.decode("utf-8").splitlines():
    json.loads(line)
PY
}
no_partials() { [ -z "$(find "$1" -name '*.partial')" ] || fail "temporary files left in $1"; }
run() { set +e; "$@"; rc=$?; set -e; }  # sets rc
# A small filesystem of its own: tmpfs where this user may mount, else nothing.
small_fs() {
  mkdir -p "$1"
  if mount -t tmpfs -o "size=$2" tmpfs "$1" 2>/dev/null; then mounts+=("$1"); return 0; fi
  return 1
}

mkdir -p in
cp "$src"/samples/dev_000_born.pdf "$src"/samples/dev_001_born.pdf "$src"/samples/dev_002_born.pdf \
   "$src"/samples/dev_003_pua.pdf "$src"/samples/dev_004_born.pdf in/
cp "$src"/tests/data/bad/not_pdf.pdf "$src"/tests/data/bad/truncated.pdf in/

echo "== 1 failures stay failures after --resume"
run "$bin" extract in --out o1 -q 2>/dev/null
[ $rc -eq 1 ] || fail "first run: exit $rc, want 1"
run "$bin" extract in --out o1 --resume -q 2>err.txt
[ $rc -eq 1 ] || fail "--resume with error records kept: exit $rc, want 1"
grep -q "kept from an earlier run" err.txt || fail "--resume does not say the failures are kept: $(cat err.txt)"
ledger_whole o1/ledger.jsonl
python3 - o1/ledger.jsonl <<'PY' || fail "the skipped lines do not carry the earlier run"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")][7:]
assert len(rows) == 7 and all(r["status"] == "skipped" for r in rows), rows
failed = [r for r in rows if r.get("earlier_status") == "error"]
assert len(failed) == 2 and all(r.get("error") for r in failed), rows
assert all("earlier_seconds" in r for r in rows), rows
assert sum(r["pages"] for r in rows) > 100, rows  # pages still count after a no-op resume
PY
run "$bin" ledger o1 >led.txt
[ $rc -eq 1 ] || fail "ledger after --resume: exit $rc, want 1"
grep -q "5 done, 2 failed" led.txt || fail "ledger after --resume: $(cat led.txt)"
grep -Eq "[1-9][0-9]* pages" led.txt || fail "ledger after --resume counts no pages: $(cat led.txt)"

# validate tells the same story: a failed record is never valid, and nothing to read is not a pass.
run "$bin" validate o1 --json >val.json
[ $rc -eq 1 ] || fail "validate with failed records: exit $rc, want 1"
python3 - val.json <<'PY' || fail "validate --json calls a failed record valid"
import json, sys
docs = json.load(open(sys.argv[1]))["documents"]
failed = [d for d in docs if d.get("problem") or d["family"] is None]
assert len(failed) == 2, docs
assert all(d["valid"] is False and d["assessable"] is False and d["completeness"] is None for d in failed), failed
PY
mkdir -p nothing
run "$bin" validate nothing 2>err.txt
[ $rc -eq 2 ] || fail "validate on a folder without records: exit $rc, want 2"

# report and export read a ledger's outputs from the ledger's folder, and count what they
# cannot read instead of dropping it.
printf '{"contract":"thai' > o1/cut_short.json
mkdir -p away
run bash -c "cd away && \"$bin\" report ../o1/ledger.jsonl ../o1/cut_short.json --html r.html" >/dev/null 2>err.txt
[ $rc -eq 1 ] || fail "report with an unreadable file: exit $rc, want 1"
grep -q 'id="n-unreadable">1<' away/r.html || fail "the report does not count the unreadable file"
grep -q 'id="n-documents">7<' away/r.html || fail "the report did not find the ledger's outputs from another folder"
run bash -c "cd away && \"$bin\" export ../o1/ledger.jsonl --to x" >/dev/null 2>&1
[ $rc -eq 0 ] || fail "export of a ledger from another folder: exit $rc"
[ "$(wc -l < away/x/documents.csv)" -eq 8 ] || fail "export from another folder lost documents"
rm o1/cut_short.json

echo "== 2 a full disk stops the batch with the system's reason; --resume then completes it"
if small_fs disk 150k; then
  run "$bin" extract in --out disk/out -j1 -q 2>err.txt
  [ $rc -eq 5 ] || fail "full disk: exit $rc, want 5 ($(cat err.txt))"
  grep -q "No space left on device" err.txt || fail "full disk: the system's reason is not said: $(cat err.txt)"
  grep -q "the batch stopped" err.txt || fail "full disk: not said that the batch stopped"
  ledger_whole disk/out/ledger.jsonl
  no_partials disk
  mount -o remount,size=20m disk
  run "$bin" extract in --out disk/out --resume -q 2>/dev/null
  [ $rc -eq 1 ] || fail "after freeing space: exit $rc, want 1 (the two bad files)"
  ledger_whole disk/out/ledger.jsonl
  [ "$(find disk/out -name '*.json' | wc -l)" -eq 7 ] || fail "after freeing space: not every output is there"
  # The ledger on a disk that is full: the batch stops at once, no line is torn.
  umount disk; mounts=()
  small_fs disk 64k || fail "tmpfs mounted once but not twice"
  dd if=/dev/zero of=disk/fill bs=1k count=64 2>/dev/null || true
  run "$bin" extract in --out o2 --ledger disk/ledger.jsonl -j1 -q 2>err.txt
  [ $rc -eq 5 ] || fail "ledger on a full disk: exit $rc, want 5"
  grep -q "cannot write ledger" err.txt || fail "ledger on a full disk: not said: $(cat err.txt)"
  [ "$(find o2 -name '*.json' | wc -l)" -le 1 ] || fail "ledger on a full disk: the batch went on"
else
  echo "   (no tmpfs: needs root; the full disk is checked with a file size limit only)"
fi
# Without root: a file size limit gives EFBIG the same way.
run bash -c "ulimit -f 40; exec \"$bin\" extract in --out o_fsize -j1 -q" 2>err.txt
[ $rc -eq 5 ] || fail "file size limit: exit $rc, want 5 ($(cat err.txt))"
grep -q "File too large" err.txt || fail "file size limit: the reason is not said: $(cat err.txt)"
ledger_whole o_fsize/ledger.jsonl
no_partials o_fsize
# A torn last line (a writer killed mid-line) is cut back by the next append; a broken line
# in the middle is reported by `ledger`.
printf '{"input":"in/torn' >> o1/ledger.jsonl
run "$bin" extract in/dev_001_born.pdf --out o1 --resume -q
ledger_whole o1/ledger.jsonl
printf 'garbage\n' >> o1/ledger.jsonl
"$bin" extract in/dev_001_born.pdf --out o1 --resume -q >/dev/null
run "$bin" ledger o1 >led.txt
[ $rc -eq 1 ] || fail "ledger with a broken line: exit $rc, want 1"
grep -q "do not parse" led.txt || fail "ledger does not report its broken line: $(cat led.txt)"

echo "== 3 stdout that refuses records stops the batch (exit 5)"
set +e
"$bin" extract in --out - --ledger o3.jsonl -j1 2>err.txt | head -n 1 >/dev/null
rc=${PIPESTATUS[0]}
set -e
[ $rc -eq 5 ] || fail "| head -n 1: exit $rc, want 5"
grep -q "not delivered" err.txt || fail "| head -n 1: not said how many records were lost"
ledger_whole o3.jsonl
run "$bin" extract in --out - --ledger - 2>/dev/null >/dev/full
[ $rc -eq 5 ] || fail "> /dev/full: exit $rc, want 5"

echo "== 4 names that are not UTF-8 (Latin-1, TIS-620) keep their bytes"
mkdir -p names
cp in/dev_001_born.pdf "names/$(printf 'caf\xe9')".pdf
cp in/dev_002_born.pdf "names/$(printf '\xc3\xd2\xc2\xa7\xd2\xb9')".pdf  # "รายงาน" in TIS-620
run "$bin" extract names --out o4 -q
[ $rc -eq 0 ] || fail "non-UTF-8 names: exit $rc, want 0"
[ "$(find o4 -name '*.json' | wc -l)" -eq 2 ] || fail "non-UTF-8 names: outputs missing"
ledger_whole o4/ledger.jsonl
grep -q 'caf\\\\xe9.pdf' o4/ledger.jsonl || fail "the Latin-1 name is not shown escaped: $(cat o4/ledger.jsonl)"
run "$bin" extract names --out o4 --resume -q
[ $rc -eq 0 ] || fail "non-UTF-8 names: --resume exit $rc"
[ "$(grep -c '"skipped"' o4/ledger.jsonl)" -eq 2 ] || fail "non-UTF-8 names are not resumed"
run "$bin" ledger o4 names >/dev/null
[ $rc -eq 0 ] || fail "non-UTF-8 names stay pending in the ledger"

echo "== 5 an output made from another input is never overwritten; suffixes ignore argument order"
mkdir -p muniA muniB
cp in/dev_000_born.pdf muniA/report.pdf
cp in/dev_002_born.pdf muniB/report.pdf
"$bin" extract muniA --out o5 -q >/dev/null
run "$bin" extract muniB --out o5 --resume -q 2>err.txt
[ $rc -eq 1 ] || fail "second input onto the same output: exit $rc, want 1"
grep -q "holds the record of muniA/report.pdf" err.txt || fail "the refusal does not name the owner: $(cat err.txt)"
grep -q '"file": "muniA/report.pdf"' o5/report.json || fail "the first input's output was overwritten"
ledger_whole o5/ledger.jsonl
mkdir -p case
cp in/dev_001_born.pdf case/x.pdf
cp in/dev_002_born.pdf case/x.PDF
"$bin" extract case/x.pdf case/x.PDF --out o5a -q >/dev/null
"$bin" extract case/x.PDF case/x.pdf --out o5b -q >/dev/null
names=$(cd o5a && find . -name '*.json' | sort)
[ "$(echo "$names" | wc -l)" -eq 2 ] || fail "x.pdf and x.PDF do not get two outputs: $names"
[ "$names" = "$(cd o5b && find . -name '*.json' | sort)" ] || fail "the names depend on the order of the arguments"
for f in $names; do
  cmp -s "o5a/$f" "o5b/$f" || fail "output $f depends on the order of the arguments"
done

echo "== 6 two batches on one --out: the second is refused before any work"
slow="$src"/samples/dev_001_scan.pdf
"$bin" extract "$slow" --out o6 -q >/dev/null 2>&1 &
first=$!
for _ in $(seq 1 50); do [ -s o6/.ita-extract.lock ] || [ -e o6/.ita-extract.lock ] && break; sleep 0.1; done
sleep 0.3
run "$bin" extract in/dev_001_born.pdf --out o6 -q 2>err.txt
[ $rc -eq 3 ] || fail "second batch on one --out: exit $rc, want 3"
grep -q "is writing to" err.txt || fail "second batch: no clear message: $(cat err.txt)"
wait $first || fail "the first batch failed because of the second"
"$bin" ledger o6 >/dev/null || fail "the first batch's ledger records a failure"
ledger_whole o6/ledger.jsonl
# Two shards of one array may share the folder.
"$bin" extract "$slow" in/dev_001_born.pdf --out o6s --shard 0/2 -q >/dev/null 2>&1 &
first=$!
sleep 0.3
run "$bin" extract "$slow" in/dev_001_born.pdf --out o6s --shard 1/2 -q
[ $rc -eq 0 ] || fail "two shards on one --out: exit $rc, want 0"
wait $first || fail "shard 0 failed beside shard 1"

echo "== 7 links, empty folders and files that vanish are said, not skipped in silence"
mkdir -p links/real empty
cp in/dev_001_born.pdf links/real/a.pdf
mkdir -p tree
ln -s ../links/real tree/linked
ln -s ../nowhere.pdf tree/broken.pdf
cp in/dev_002_born.pdf tree/b.pdf
run "$bin" extract tree --out o7 -q 2>err.txt
[ $rc -eq 1 ] || fail "a broken link to a PDF: exit $rc, want 1"
grep -q "a link to a folder, not followed" err.txt || fail "the linked folder is not reported: $(cat err.txt)"
grep -q "not_found" o7/broken.json || fail "the broken link has no not_found record"
run "$bin" extract tree --out o7f --follow-links -q 2>/dev/null
[ -f o7f/linked/a.json ] || fail "--follow-links did not follow the linked folder"
run "$bin" extract empty --out o7e -q 2>err.txt
[ $rc -eq 2 ] || fail "a folder without a PDF: exit $rc, want 2"
grep -q "no PDF" err.txt || fail "a folder without a PDF: not said"
cp in/dev_002_born.pdf vanishing.pdf
printf '%s\n' "$slow" vanishing.pdf > vanish.txt
"$bin" extract @vanish.txt --out o7v -j1 -q >/dev/null 2>&1 &
first=$!
sleep 1
rm -f vanishing.pdf
set +e; wait $first; set -e
grep -q '"not_found"' o7v/vanishing.json || fail "a file deleted during the run is not not_found: $(cat o7v/vanishing.json)"

echo "== 8 progress inside a document, and the first Ctrl-C says what happens"
if command -v script >/dev/null; then
  script -qfc "\"$bin\" extract \"$slow\" --out o8" /dev/null > tty.log 2>&1 || true
  tr '\r' '\n' < tty.log | grep -aEq "running \(p\. [0-9]+/5\)" || fail "no pages-of-N on the status line: $(tr '\r' '\n' < tty.log | tail -3)"
else
  echo "   (no script(1): the status line is checked by the unit test only)"
fi
"$bin" extract "$slow" in/dev_002_born.pdf -j1 --out o8i -q 2>err.txt &
first=$!
sleep 1.5
kill -INT $first
set +e; wait $first; rc=$?; set -e
[ $rc -eq 4 ] || fail "SIGINT: exit $rc, want 4"
grep -q "finishing 1 running (Ctrl-C again to abandon" err.txt || fail "nothing said at the first signal: $(cat err.txt)"
ledger_whole o8i/ledger.jsonl
no_partials .

echo "batch fault tests passed"
