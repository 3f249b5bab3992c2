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
#
# A shard killed by preemption or a time limit is finished by resubmitting:
# the array task finds its run directory and resumes it.
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
if [[ -d "$DIR" ]]; then
    delve eval --resume "$DIR" --jobs "${SLURM_CPUS_PER_TASK:-1}"
else
    delve eval --suite "$SUITE" --agent "$AGENT" --shard "$K/$SHARDS" \
        --jobs "${SLURM_CPUS_PER_TASK:-1}" --run-id "$RUN_ID-shard-$K" --out "$OUT"
fi
