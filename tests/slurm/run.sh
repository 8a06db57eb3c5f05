#!/usr/bin/env bash
# The Slurm recipe on a real one-node cluster on localhost: installs Debian's slurm-wlm and
# munge if missing, starts munged, slurmctld and slurmd (no accounting) from a private
# configuration, submits tools/slurm/ita-extract.sbatch as a 4-task array over a manifest with
# two files of the same base name in different folders, and checks that
#   - the union of the array's outputs equals a single-machine run of the same inputs,
#   - the ledger lists each input once, as ok,
#   - the array exits non-zero (the truncated file), and so does a second submission with
#     --resume, which extracts nothing but still reports the failure.
# Stops every daemon it started, whatever happens. Needs root (or sudo) for the packages and
# the daemons.  tests/slurm/run.sh BUILD/ita-extract SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || { echo "skipped: needs root or passwordless sudo"; exit 77; }
  sudo="sudo"
fi
need=()
for p in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/ita_slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do $sudo kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${pids[@]}"; do $sudo kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; for f in "$work"/*.log "$work"/state/*.log; do [ -f "$f" ] && { echo "--- $f"; tail -20 "$f"; }; done >&2; exit 1; }

# munge: a private key and socket, so a system munged (if any) is left alone.
mkdir -p "$work/munge"
dd if=/dev/urandom bs=1 count=1024 of="$work/munge/munge.key" 2>/dev/null
chmod 700 "$work/munge"; chmod 400 "$work/munge/munge.key"
$sudo chown -R "$(id -u):$(id -g)" "$work/munge"
munged --key-file="$work/munge/munge.key" --socket="$work/munge/socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" --seed-file="$work/munge/seed" \
  --force
sleep 0.5
pids+=("$(cat "$work/munge/munged.pid")")

host=$(hostname -s)
cpus=$(nproc)
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=ita
SlurmctldHost=$host
SlurmUser=$(id -un)
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/socket
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/state/slurmctld.pid
SlurmdPidFile=$work/state/slurmd.pid
SlurmctldLogFile=$work/state/slurmctld.log
SlurmdLogFile=$work/state/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$work/slurm.conf"
$sudo env SLURM_CONF="$SLURM_CONF" slurmctld -i
$sudo env SLURM_CONF="$SLURM_CONF" slurmd
for _ in $(seq 1 60); do
  [ -f "$work/state/slurmctld.pid" ] && [ -f "$work/state/slurmd.pid" ] && break
  sleep 0.5
done
pids+=("$(cat "$work/state/slurmctld.pid")" "$(cat "$work/state/slurmd.pid")")
for _ in $(seq 1 60); do
  sinfo -h -o %T 2>/dev/null | grep -Eq "idle|mixed" && break
  sleep 1
done
sinfo -h -o %T | grep -Eq "idle|mixed" || fail "the node did not come up: $(sinfo 2>&1)"

# The inputs: two report.pdf in different folders, a bad file, born-digital and a scan.
cd "$work"
mkdir -p in/muniA in/muniB
cp "$src"/samples/dev_000_born.pdf in/muniA/report.pdf
cp "$src"/samples/dev_002_born.pdf in/muniB/report.pdf
cp "$src"/samples/dev_001_born.pdf "$src"/samples/dev_003_pua.pdf "$src"/samples/dev_001_scan.pdf in/
cp "$src"/tests/data/bad/truncated.pdf in/
find in -name '*.pdf' | sort > manifest.txt
inputs=$(wc -l < manifest.txt)

set +e; "$bin" extract @manifest.txt --out single -q >/dev/null 2>&1; set -e

# sbatch --wait exits with the highest exit code of the array's tasks.
submit() {
  set +e
  ITA_EXTRACT="$bin" sbatch --wait --array=0-3 --cpus-per-task=1 --output="$work/task-%a.log" \
    "$src/tools/slurm/ita-extract.sbatch" manifest.txt "$work/shared" -q >/dev/null 2>&1
  submit_rc=$?
  set -e
}
started=$(date +%s)
submit
[ "$submit_rc" -ne 0 ] || fail "the array exits 0 though one input failed"
echo "array job: $(( $(date +%s) - started )) s"
json_files() { (cd "$1" && find . -name '*.json' | sort); }
[ "$(json_files shared)" = "$(json_files single)" ] || fail "array outputs differ from the single run: $(json_files shared)"
while read -r f; do
  cmp -s "single/$f" "shared/$f" || fail "$f differs between the array and the single run"
done < <(json_files single)
python3 - shared/ledger.jsonl "$inputs" <<'PY' || fail "ledger after the array"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
inputs = [r["input"] for r in rows]
assert len(rows) == int(sys.argv[2]) and len(set(inputs)) == len(rows), rows
assert sorted({r["shard"] for r in rows}) <= ["0/4", "1/4", "2/4", "3/4"], rows
assert all(r["status"] in ("ok", "error") for r in rows)
assert sum(r["status"] == "error" for r in rows) == 1  # the truncated file, as in the single run
PY
lines=$(wc -l < shared/ledger.jsonl)
submit
# Resubmitted, the array does no work, yet the failure is still a failure.
[ "$submit_rc" -ne 0 ] || fail "the resubmitted array exits 0 though the truncated file still failed"
python3 - shared/ledger.jsonl "$lines" <<'PY' || fail "the second submission did work or lost the failure"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")][int(sys.argv[2]):]
assert rows and all(r["status"] == "skipped" for r in rows), rows
kept = [r for r in rows if r.get("earlier_status") == "error"]
assert len(kept) == 1 and kept[0]["error"] == "corrupt", rows
PY
"$bin" ledger shared >ledger.txt && fail "ledger says all is well though one input failed"
grep -q "1 failed" ledger.txt || fail "ledger after the resubmission: $(cat ledger.txt)"
echo "slurm array test passed"
