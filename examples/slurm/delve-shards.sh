#!/usr/bin/env bash
# Runs a Delve suite as a Slurm job array, one shard per array task, then
# merges the shards once every task has finished.
#
#   bash examples/slurm/delve-shards.sh   # on the login node: submits the array, then the merge
#
# Settings (environment variables, or edit the defaults below):
#   SUITE   the suite: a built-in name or a suite JSON file     (smoke)
#   AGENT   the agent                                           (random)
#   SHARDS  how many shards: the array has one task per shard    (8)
#   RUN_ID  the merged run's name; shards are RUN_ID-shard-K  (delve-<UTC time>)
#   OUT     a folder every node can write                        (runs)
#   RETRIES how often an array task resumes its incomplete shard (3)
#   RETRY_WAIT  seconds before each such resume                  (60)
#
# A shard killed by preemption or a time limit is finished by resubmitting:
# the array task finds its run directory and resumes it. A shard left
# incomplete by agent errors (delve eval exits 3: a model endpoint failed) is
# resumed up to RETRIES times, RETRY_WAIT seconds apart; if it is still
# incomplete the task ends successfully anyway, so that the merge runs: it
# merges what there is, names the shards to resume, and exits 3. Any other
# failure (2: usage, 1: internal) fails the task, and the merge does not run.
#SBATCH --job-name=delve-shards
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
#SBATCH --output=delve-%A_%a.log
set -euo pipefail

SUITE="${SUITE:-smoke}"
AGENT="${AGENT:-random}"
SHARDS="${SHARDS:-8}"
OUT="${OUT:-runs}"
RUN_ID="${RUN_ID:-delve-$(date -u +%Y%m%d-%H%M%S)}"
RETRIES="${RETRIES:-3}"
RETRY_WAIT="${RETRY_WAIT:-60}"

if [[ "${1:-}" == "--merge" ]]; then
    shards=()
    for ((k = 1; k <= SHARDS; k++)); do shards+=("$OUT/$RUN_ID-shard-$k"); done
    exec delve merge "${shards[@]}" --out "$OUT/$RUN_ID"
fi

if [[ -z "${SLURM_ARRAY_TASK_ID:-}" ]]; then
    # Submitted by hand: queue the array, then the merge after every task succeeded.
    script=$(realpath "$0")
    array=$(sbatch --parsable --array="0-$((SHARDS - 1))" --export=ALL,RUN_ID="$RUN_ID" "$script")
    sbatch --dependency="afterok:$array" --export=ALL,RUN_ID="$RUN_ID" --job-name=delve-merge \
        --wrap="bash $script --merge"
    exit 0
fi

K=$((SLURM_ARRAY_TASK_ID + 1))
DIR="$OUT/$RUN_ID-shard-$K"
JOBS="${SLURM_CPUS_PER_TASK:-1}"
status=0
if [[ -d "$DIR" ]]; then
    delve eval --resume "$DIR" --jobs "$JOBS" || status=$?
else
    delve eval --suite "$SUITE" --agent "$AGENT" --shard "$K/$SHARDS" \
        --jobs "$JOBS" --run-id "$RUN_ID-shard-$K" --out "$OUT" || status=$?
fi
for ((try = 1; status == 3 && try <= RETRIES; try++)); do
    echo "shard $K is incomplete; resume $try of $RETRIES in ${RETRY_WAIT}s" >&2
    sleep "$RETRY_WAIT"
    status=0
    delve eval --resume "$DIR" --jobs "$JOBS" || status=$?
done
if ((status == 3)); then
    echo "shard $K is still incomplete after $RETRIES resumes; the merge will say what is missing" >&2
    exit 0
fi
exit "$status"
