#!/usr/bin/env bash
# Runs examples/slurm/delve-shards.sh, unchanged, on a real single-node Slurm
# (scripts/local-slurm.sh) as a user would, and checks what it did:
#
# 1. The script submits a 3-task array and its merge. Task 1 is requeued
#    while it plays (as preemption does) and resumes its shard: the episodes
#    it had finished are not played again. Task 2's agent fails one episode
#    once; the task resumes its shard and completes it. Task 3's agent fails
#    one episode until the "endpoint" is fixed; the task gives up after its
#    resumes (exit 3), and the merge still runs, flags the shard and exits 3.
# 2. The endpoint fixed, the script is submitted again with the same RUN_ID:
#    every shard resumes (the complete ones play nothing), and the merge
#    replaces the incomplete merged run and exits 0.
# 3. The merged summary.json equals one `delve eval` of the same suite on this
#    machine, byte for byte except `timing`.
#
#   bash scripts/slurm-check.sh [DELVE]   # as root; DELVE defaults to `swift build`'s debug binary
#
# KEEP=1 keeps its folder (the suite, the runs, the job logs) for a look afterwards.
#
# Needs slurm-wlm and munge (apt-get install slurm-wlm munge) and python3.
# Takes about a minute; at most a few minutes before it gives up.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
delve="${1:-$(cd "$repo" && swift build --show-bin-path)/delve}"
if [[ ! -x "$delve" ]]; then
    echo "slurm-check: no delve binary at $delve; build it (swift build) or pass its path" >&2
    exit 1
fi
delve=$(realpath "$delve")
command -v python3 >/dev/null 2>&1 || { echo "slurm-check: python3 is missing (the check's agent)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/delve-slurm-check.XXXXXX")
chmod 755 "$work"  # munged refuses a socket that other users cannot reach
export DELVE_SLURM_DIR="$work/slurm"
finish() {
    bash "$repo/scripts/local-slurm.sh" down || true
    [[ -n "${KEEP:-}" ]] || rm -rf "$work"
}
trap finish EXIT

# Prints every job log and the daemons' logs, then fails.
fail() {
    echo "slurm-check: FAILED: $*" >&2
    local log
    for log in "$work"/shared/*.log "$DELVE_SLURM_DIR"/log/slurm*.log; do
        [[ -f "$log" ]] || continue
        echo "--- $log" >&2
        tail -n 40 "$log" >&2
    done
    squeue >&2 || true
    exit 1
}

# field JOB NAME: the value of NAME in `scontrol show job JOB`.
field() {
    scontrol show job -o "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1
}

# wait_ended JOB: waits until JOB (an array: all its tasks) is no longer queued or running.
wait_ended() {
    local deadline=$((SECONDS + 300))
    while [[ -n "$(squeue -h -j "$1" -o %i 2>/dev/null)" ]]; do
        ((SECONDS < deadline)) || fail "job $1 has not ended after 300 s"
        [[ "$(squeue -h -j "$1" -o %r 2>/dev/null)" != *DependencyNeverSatisfied* ]] ||
            fail "job $1 will never run: a job it depends on failed"
        sleep 1
    done
}

# submit: runs the example as a user does; sets array and merge to the job ids it names.
submit() {
    local said
    said=$(bash "$repo/examples/slurm/delve-shards.sh") || fail "the example did not submit: $said"
    echo "$said"
    read -r array merge < <(sed -n 's/^Submitted the array \([0-9]*\) .* and its merge \([0-9]*\):.*/\1 \2/p' <<<"$said") || true
    [[ -n "${array:-}" && -n "${merge:-}" ]] || fail "no job ids in: $said"
}

bash "$repo/scripts/local-slurm.sh" up
# shellcheck disable=SC1091
source "$DELVE_SLURM_DIR/env"

mkdir "$work/shared"
cd "$work/shared"
cat >suite.json <<'EOF'
{"name": "slurm-check", "summary": "the Slurm example's end-to-end check", "entries": [
  {"task": "grid/goto", "seeds": [1, 2, 3, 4, 5, 6], "step_budget": 25},
  {"task": "rules/goto_win", "seeds": [1, 2, 3], "step_budget": 25},
  {"task": "text/arithmetic", "seeds": [1, 2, 3], "step_budget": 25}]}
EOF
# Shard K plays the suite's episodes K-1, K-1+3, ...: shard 1 grid/goto 1 and 4,
# rules/goto_win 1 and text/arithmetic 1; shard 2 grid/goto 2 and 5 and the
# others' seed 2; shard 3 grid/goto 3 and 6 and the others' seed 3.

export PATH="$(dirname "$delve"):$PATH"  # the jobs inherit it: `delve` on the nodes' PATH
export SUITE=suite.json SHARDS=3 CPUS=1 RETRIES=1 RETRY_WAIT=1 RUN_ID=check
export AGENT="python3 $repo/scripts/slurm-check-agent.py"
export DELVE_CHECK_RECORD="$work/shared/played" DELVE_CHECK_ACT_SLEEP=0.1
export DELVE_CHECK_FAIL_ONCE="grid/goto 2 $work/shared/failed-once"
export DELVE_CHECK_FAIL_WHILE="grid/goto 6 $work/shared/endpoint-down"
touch endpoint-down

echo "== the first submission"
submit
shard1=runs/check-shard-1/episodes.jsonl
deadline=$((SECONDS + 120))
until [[ -s "$shard1" && "$(field "${array}_0" JobState)" == RUNNING ]]; do
    ((SECONDS < deadline)) || fail "task 1 never ran with an episode finished"
    sleep 0.2
done
scontrol requeue "${array}_0"
before=$(cat "$shard1")
echo "requeued task 1 after $(wc -l <<<"$before") of its 4 episodes"
((${#before} > 0)) && [[ $(wc -l <<<"$before") -lt 4 ]] || fail "task 1 was not mid-run when requeued"
wait_ended "$array"
wait_ended "$merge"

[[ "$(field "${array}_0" Restarts)" == 1 && "$(field "${array}_0" ExitCode)" == 0:0 ]] ||
    fail "task 1: $(scontrol show job -o "${array}_0")"
grep -q "shard 1: resuming runs/check-shard-1" "delve-${array}_0.log" || fail "task 1 did not resume its shard"
[[ "$(head -c ${#before} "$shard1")" == "$before" ]] || fail "task 1 lost the episodes it had finished"
while read -r task seed _; do
    n=$(grep -c -x "$task $seed" played)
    ((n == 1)) || fail "$task seed $seed finished before the requeue but was played $n times"
done < <(python3 -c 'import json, sys; [print(json.loads(l)["task"], json.loads(l)["seed"]) for l in sys.stdin]' <<<"$before")
[[ "$(field "${array}_1" ExitCode)" == 0:0 ]] && grep -q "resume 1 of 1" "delve-${array}_1.log" ||
    fail "task 2 did not resume its shard after the agent error"
[[ "$(field "${array}_2" ExitCode)" == 3:0 ]] && grep -q "still incomplete after 1 resumes" "delve-${array}_2.log" ||
    fail "task 3 should end incomplete (exit 3): $(scontrol show job -o "${array}_2")"
[[ "$(field "$merge" ExitCode)" == 3:0 ]] || fail "the merge should exit 3: $(scontrol show job -o "$merge")"
grep -q "Incomplete shards\?: finish with delve eval --resume .*/runs/check-shard-3, then merge again." "delve-merge-$merge.log" ||
    fail "the merge did not name the incomplete shard"
grep -q '^  "missing"' runs/check/summary.json || fail "the merged summary does not flag what is missing"
echo "task 1 resumed after its requeue; task 2 resumed after an agent error; the merge flagged shard 3"

echo "== the endpoint fixed, the same RUN_ID submitted again"
rm endpoint-down
submit
wait_ended "$array"
wait_ended "$merge"
for task in 0 1 2; do
    [[ "$(field "${array}_$task" ExitCode)" == 0:0 ]] || fail "task $((task + 1)): $(scontrol show job -o "${array}_$task")"
    grep -q "shard $((task + 1)): resuming" "delve-${array}_$task.log" || fail "task $((task + 1)) did not resume"
done
[[ "$(field "$merge" ExitCode)" == 0:0 ]] || fail "the second merge: $(scontrol show job -o "$merge")"
! grep -q '^  "missing"' runs/check/summary.json || fail "the merged run is still incomplete"

echo "== one delve eval of the same suite on this machine"
unset DELVE_CHECK_RECORD DELVE_CHECK_ACT_SLEEP DELVE_CHECK_FAIL_ONCE DELVE_CHECK_FAIL_WHILE
delve eval --suite suite.json --agent "$AGENT" --jobs 2 --run-id whole --out runs >whole.txt 2>&1 ||
    fail "the single-machine run: $(cat whole.txt)"
python3 - runs/whole/summary.json runs/check/summary.json <<'EOF' || fail "the merged summary differs from the single-machine run's"
import sys
def without_timing(path):
    text = open(path).read()
    cut = text.find(',\n  "timing"')
    return text if cut < 0 else text[:cut] + "\n}\n"
whole, merged = map(without_timing, sys.argv[1:])
if whole != merged:
    import difflib
    sys.stdout.writelines(difflib.unified_diff(whole.splitlines(True), merged.splitlines(True), "whole", "merged"))
    sys.exit(1)
EOF
echo "slurm-check: ok: the merged summary equals the single-machine run's, timing aside"
