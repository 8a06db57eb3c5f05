#!/usr/bin/env bash
# validate, report and export tell one story (issue 27): on one folder of records, among them
# an unclassified document, error records, a copy of a record and a file cut short, the three
# give the same counts of documents, failures, duplicates, unreadable files, organizations and
# findings; unknown and failed documents are never valid and have no completeness anywhere; and
# a researcher's joins work from SQLite and from CSV without parsing strings.
#   tests/cli/one_story.sh BUILD/ita-extract SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
work=$(mktemp -d /tmp/ita_story.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"
mkdir -p recs bad
cp "$src"/samples/golden/*.json recs/
cp "$src"/tests/data/bad/not_pdf.pdf "$src"/tests/data/bad/truncated.pdf bad/
"$bin" extract bad --out recs/failed -q >/dev/null 2>&1 || true
cp recs/dev_002_born.json recs/zz_copy_of_dev_002.json   # the same PDF twice
printf '{"contract":"thai-ita-extract/1","sour' > recs/cut_short.json
set +e
"$bin" validate recs --json > validate.json 2>/dev/null; rc_validate=$?
"$bin" report recs --html report.html >/dev/null 2>&1; rc_report=$?
"$bin" export recs --format csv --to csv >/dev/null 2>&1; rc_csv=$?
"$bin" export recs --format sqlite --to data.db >/dev/null 2>&1; rc_sqlite=$?
set -e
# A file that is not a readable record: every command says so in its exit code.
[ "$rc_validate" -eq 1 ] && [ "$rc_report" -eq 1 ] && [ "$rc_csv" -eq 1 ] && [ "$rc_sqlite" -eq 1 ] ||
  fail "exit codes validate $rc_validate, report $rc_report, export $rc_csv/$rc_sqlite; want 1 each"
python3 - "$work" <<'PY' || fail "the three commands disagree"
import csv, glob, json, os, re, sqlite3, sys
work = sys.argv[1]
v = json.load(open(os.path.join(work, "validate.json"), encoding="utf-8"))["summary"]
dom = open(os.path.join(work, "report.html"), encoding="utf-8").read()
def cell(i):
    return int(re.search(r'id="%s">(\d+)<' % i, dom).group(1))
r = {"documents": cell("n-documents"), "failed": cell("n-failed"), "unreadable": cell("n-unreadable"),
     "duplicates": cell("n-duplicates"), "organizations": cell("n-organizations"), "findings": cell("n-findings")}
meta = {row["key"]: row["value"] for row in csv.DictReader(open(os.path.join(work, "csv", "meta.csv"), encoding="utf-8-sig"))}
e = {k: int(meta[k]) for k in r}
documents = list(csv.DictReader(open(os.path.join(work, "csv", "documents.csv"), encoding="utf-8-sig")))
findings = list(csv.DictReader(open(os.path.join(work, "csv", "findings.csv"), encoding="utf-8-sig")))
assert e["documents"] == len(documents) and e["findings"] == len(findings), (e, len(documents), len(findings))
# What the folder holds, counted here from the files themselves.
records, shas = [], set()
for f in sorted(glob.glob(os.path.join(work, "recs", "**", "*.json"), recursive=True)):
    try:
        j = json.load(open(f, encoding="utf-8"))
    except ValueError:
        continue
    if j.get("source", {}).get("sha256") in shas:
        continue
    shas.add(j.get("source", {}).get("sha256"))
    records.append(j)
truth = {"documents": len(records), "failed": sum(1 for j in records if j.get("error")), "unreadable": 1,
         "duplicates": 1, "findings": sum(len(j["validation"]["errors"]) for j in records)}
for name, counts in (("validate", v), ("report", r), ("export", e)):
    for k, want in truth.items():
        assert counts[k] == want, (name, k, counts[k], want)
assert v["organizations"] == r["organizations"] == e["organizations"], (v, r, e)
assert truth["failed"] == 2 and v["organizations"] >= 5
# Unknown and failed: never valid, no completeness, in every output.
for j in records:
    family = (j.get("document") or {}).get("family")
    if j.get("error") or family == "unknown":
        assert j["validation"]["valid"] is False and j["validation"]["completeness"] is None, j["source"]
vdocs = json.load(open(os.path.join(work, "validate.json"), encoding="utf-8"))["documents"]
for d in vdocs:
    if d.get("problem") or d["family"] in (None, "unknown"):
        assert d["valid"] is False and d["completeness"] is None, d
for d in documents:
    if d["error_code"] or d["family"] == "unknown":
        assert d["valid"] == "0" and d["completeness"] == "", d
# A researcher's joins, from SQLite and from CSV, without parsing strings: measures per
# organization and fiscal year, findings per field.
db = sqlite3.connect(os.path.join(work, "data.db"))
per_org_year = db.execute("""SELECT d.organization_key, d.fiscal_year, count(*) FROM measures m
                             JOIN documents d ON d.id = m.document_id GROUP BY 1, 2 ORDER BY 1, 2""").fetchall()
per_field = dict(db.execute("SELECT field, count(*) FROM findings GROUP BY field").fetchall())
measures = list(csv.DictReader(open(os.path.join(work, "csv", "measures.csv"), encoding="utf-8-sig")))
by_id = {d["id"]: d for d in documents}
from collections import Counter
csv_org_year = Counter((by_id[m["document_id"]]["organization_key"] or None,
                        int(by_id[m["document_id"]]["fiscal_year"]) if by_id[m["document_id"]]["fiscal_year"] else None)
                       for m in measures)
assert sorted(csv_org_year.items(), key=str) == sorted((((k or None), y), n) for k, y, n in per_org_year)
assert sum(n for _, _, n in per_org_year) == sum(len(j.get("measures") or []) for j in records)
assert Counter(f["field"] for f in findings) == Counter(per_field), (per_field,)
print("one story: %s" % truth)
PY
echo "validate, report and export agree"
