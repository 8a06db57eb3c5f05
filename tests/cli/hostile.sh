#!/usr/bin/env bash
# The hostile-PDF suite (tests/data/hostile/make.py, about 50 cases) through the batch:
# every case gets a record with an expected outcome, nothing crashes the batch, no temporary
# file is left, records are valid UTF-8 JSON, and terminal output carries no control character
# from a PDF or a file name (a name with a newline cannot forge an "ok" line).
#   tests/cli/hostile.sh BUILD/ita-extract SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d /tmp/ita_hostile.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
python3 "$src/tests/data/hostile/make.py" "$work/cases" "$src/samples/dev_001_born.pdf"
set +e
"$bin" extract "$work/cases" --out "$work/out" --jobs 2 --timeout-per-doc 20 --max-memory-mb 3000 \
  > "$work/stdout.txt" 2> "$work/stderr.txt"
rc=$?
set -e
[ $rc -eq 1 ] || fail "batch exit $rc, want 1 (some cases are error records)"
[ -z "$(find "$work/out" -name '*.partial')" ] || fail "temporary files left"
python3 - "$work/cases/expected.json" "$work/out" "$work/stdout.txt" "$work/stderr.txt" <<'PY'
import json, os, sys
expected = json.load(open(sys.argv[1], encoding="utf-8"))
out = sys.argv[2]
ledger = [json.loads(l) for l in open(os.path.join(out, "ledger.jsonl"), encoding="utf-8")]
by = {os.path.basename(e["input"])[:-4]: e for e in ledger}
assert len(ledger) == len(expected), (len(ledger), len(expected))
bad = []
for name, allowed in sorted(expected.items()):
    e = by.get(name)
    if e is None:
        bad.append(f"{name!r}: no ledger line")
        continue
    got = "ok" if e["status"] == "ok" else e.get("error", e["status"])
    if got not in allowed:
        bad.append(f"{name!r}: {got}, want one of {allowed}: {e.get('message', '')[:80]}")
    with open(e["output"], "rb") as f:
        record = json.loads(f.read().decode("utf-8"))  # strict UTF-8
    assert record["contract"] == "thai-ita-extract/1"
for stream in sys.argv[3:5]:
    text = open(stream, "rb").read()
    assert b"\x1b" not in text, f"an escape character reached {stream}"
    for line in text.decode("utf-8", "replace").splitlines():
        assert not line.startswith("ok     forged"), "a file name forged an ok line"
assert not bad, "\n".join(bad)
slow = sorted(ledger, key=lambda e: -e["seconds"])[:3]
print("hostile suite: %d cases as expected; slowest: %s" % (len(expected), ", ".join(
    "%s %.1fs" % (os.path.basename(e["input"]), e["seconds"]) for e in slow)))
PY
# A file whose name starts with '-' is an input after --, not an option.
cd "$work/cases"
"$bin" extract --out "$work/dash" -q -- -looks-like-an-option.pdf >/dev/null || fail "-- did not end the options"
[ -f "$work/dash/-looks-like-an-option.json" ] || fail "no record for the dash-named file"
