#!/usr/bin/env bash
# End-to-end batch behaviour of the ita-extract binary: checks before work, fault isolation,
# SIGKILL at random moments then --resume, SIGINT, JSON Lines on stdout, names that collide.
#   tests/cli/batch_e2e.sh BUILD/ita-extract SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d /tmp/ita_e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"

# Inputs: born-digital samples and one scan (slow enough to be interrupted), in two folders
# with a clash of base names.
mkdir -p in/muniA in/muniB
cp "$src"/samples/dev_000_born.pdf in/muniA/report.pdf
cp "$src"/samples/dev_002_born.pdf in/muniB/report.pdf
cp "$src"/samples/dev_001_born.pdf "$src"/samples/dev_003_pua.pdf "$src"/samples/dev_001_scan.pdf in/
find in -name '*.pdf' | sort > list.txt

json_files() { (cd "$1" && find . -name '*.json' | sort); }
no_partials() { [ -z "$(find "$1" -name '*.partial')" ] || fail "partial files left in $1: $(find "$1" -name '*.partial')"; }

echo "== checks before work"
start=$(date +%s)
set +e
"$bin" extract @list.txt --out /proc/not-writable -q 2>err.txt; rc=$?
set -e
[ $rc -eq 3 ] || fail "unwritable --out: exit $rc, want 3"
grep -q "fatal" err.txt || fail "unwritable --out: no message"
set +e
"$bin" extract @list.txt --out o_tess --tessdata "$work/no-tessdata" -q 2>err.txt; rc=$?
set -e
[ $rc -eq 3 ] || fail "missing --tessdata: exit $rc, want 3"
[ -z "$(json_files o_tess)" ] || fail "missing --tessdata: documents were extracted"
set +e
"$bin" extract @list.txt --out o_model --numeric-model "$work/no-model" -q 2>err.txt; rc=$?
set -e
[ $rc -eq 3 ] || fail "missing --numeric-model: exit $rc, want 3"
[ $(( $(date +%s) - start )) -lt 30 ] || fail "the checks took too long"

echo "== reference run"
"$bin" extract @list.txt --out ref --jobs 2 -q >/dev/null
[ "$(json_files ref | wc -l)" -eq 5 ] || fail "reference: want 5 outputs, got $(json_files ref)"
[ -f ref/in/muniA/report.json ] && [ -f ref/in/muniB/report.json ] || fail "same base names must not collide"

echo "== SIGKILL at random moments, then --resume"
for round in 1 2 3; do
  rm -rf killed
  for attempt in 1 2 3; do
    "$bin" extract @list.txt --out killed --jobs 2 --resume -q >/dev/null 2>&1 &
    pid=$!
    sleep "$(python3 -c "import random; random.seed($round * 10 + $attempt); print(round(random.uniform(0.3, 6.0), 2))")"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  sleep 0.3  # the workers die with their batch (PR_SET_PDEATHSIG)
  "$bin" extract @list.txt --out killed --jobs 2 --resume -q >/dev/null
  no_partials killed
  [ "$(json_files killed)" = "$(json_files ref)" ] || fail "round $round: other outputs than the reference"
  while read -r f; do
    cmp -s "ref/$f" "killed/$f" || fail "round $round: $f differs from the uninterrupted run"
  done < <(json_files ref)
  python3 - killed/ledger.jsonl <<'PY' || fail "round $round: ledger"
import json, sys
latest = {}
for line in open(sys.argv[1], encoding="utf-8"):
    e = json.loads(line)  # every line whole
    latest[e["input"]] = e["status"]
assert len(latest) == 5 and all(s in ("ok", "skipped") for s in latest.values()), latest
PY
done
# A resume of a finished batch does nothing.
out=$("$bin" extract @list.txt --out killed --resume --jobs 2)
echo "$out" | tail -1 | grep -q "0 ok, 0 failed, 5 skipped" || fail "second resume did work: $out"

echo "== SIGINT: running documents finish, nothing partial, exit 4"
rm -rf intr
"$bin" extract @list.txt --out intr --jobs 1 -q >/dev/null 2>err.txt &
pid=$!
sleep 1.5
kill -INT "$pid"
set +e; wait "$pid"; rc=$?; set -e
[ $rc -eq 4 ] || [ $rc -eq 0 ] || fail "SIGINT: exit $rc, want 4 (or 0 when all was done)"
no_partials intr
lines=$(wc -l < intr/ledger.jsonl)
[ "$lines" -eq "$(json_files intr | wc -l)" ] || fail "SIGINT: ledger lines and outputs disagree"
"$bin" extract @list.txt --out intr --jobs 2 --resume -q >/dev/null
[ "$(json_files intr)" = "$(json_files ref)" ] || fail "resume after SIGINT: outputs differ"

echo "== a worker that crashes, hangs or allocates without bound"
mkdir -p faults
for n in crash hang alloc good; do cp "$src"/samples/dev_001_born.pdf faults/$n.pdf; printf '%%%s\n' "$n" >> faults/$n.pdf; done
set +e
ITA_WORKER_FAULT=crash:crash.pdf,hang:hang.pdf,alloc:alloc.pdf \
  "$bin" extract faults --out o_faults --jobs 2 --timeout-per-doc 8 --max-memory-mb 1500 -q >/dev/null 2>&1
rc=$?
set -e
[ $rc -eq 1 ] || fail "faults: exit $rc, want 1"
python3 - o_faults <<'PY' || fail "faults: records"
import json, sys
d = sys.argv[1]
code = lambda n: (json.load(open(f"{d}/{n}.json")).get("error") or {}).get("code")
assert code("crash") == "crashed", code("crash")
assert code("hang") == "timeout", code("hang")
assert code("alloc") == "too_large", code("alloc")
assert code("good") is None
PY
no_partials o_faults

echo "== JSON Lines on stdout, the list on stdin"
"$bin" extract @- --out - < list.txt 2>/dev/null > stream.jsonl
python3 - stream.jsonl <<'PY' || fail "--out -"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(rows) == 5 and all(r["contract"] == "thai-ita-extract/1" for r in rows), len(rows)
PY

cp list.txt list2.txt; echo "in/gone.pdf" >> list2.txt
echo "== --resume keeps a failure a failure: exit 1, the ledger still counts it"
printf 'not a pdf' > notpdf.pdf; cp list.txt list3.txt; echo "notpdf.pdf" >> list3.txt
set +e; "$bin" extract @list3.txt --out o_keep -q >/dev/null 2>&1; "$bin" extract @list3.txt --out o_keep --resume >keep.out 2>&1; rc=$?; set -e
[ $rc -eq 1 ] || fail "resume over an error record: exit $rc, want 1"
grep -q "1 failed (1 kept from earlier runs)" keep.out || fail "resume summary: $(tail -3 keep.out)"
set +e; "$bin" ledger o_keep >/dev/null; rc=$?; set -e
[ $rc -eq 1 ] || fail "ledger after resume: exit $rc, want 1"

echo "== stdout that refuses records stops the batch with exit 5 and says so"
set +e; "$bin" extract @- --out - --ledger - < list.txt 2>full.err > /dev/full; rc=$?; set -e
[ $rc -eq 5 ] || fail "--out - > /dev/full: exit $rc, want 5"
grep -q "cannot write records to stdout: No space left on device" full.err || fail "/dev/full: $(cat full.err)"
set +e; "$bin" extract @- --out - --ledger - < list.txt 2>pipe.err | head -c 10 > /dev/null
rc=${PIPESTATUS[0]}; set -e
[ $rc -eq 5 ] || fail "--out - | head: exit $rc, want 5"
grep -q "not delivered" pipe.err || fail "closed pipe: $(cat pipe.err)"

echo "== a missing list entry is an error record, the batch goes on"
set +e; "$bin" extract @list2.txt --out o_missing --resume -q >/dev/null 2>&1; rc=$?; set -e
[ $rc -eq 1 ] || fail "missing entry: exit $rc, want 1"
grep -q '"not_found"' o_missing/in/gone.json || fail "missing entry: no not_found record"
[ "$(json_files o_missing | wc -l)" -eq 6 ] || fail "missing entry: the others were not extracted"
set +e; summary=$("$bin" ledger o_missing @list2.txt); rc=$?; set -e
[ $rc -eq 1 ] || fail "ledger: exit $rc, want 1 (a failure on record)"
echo "$summary" | grep -q "failed not_found: 1" || fail "ledger summary: $summary"
echo "all batch end-to-end checks passed"
