#!/usr/bin/env bash
# Runs a Delve suite as a Slurm job array, one shard per array task, then
# merges the shards once every task has ended. examples/slurm/README.md says
# what it assumes and how to size a run.
#
#   bash examples/slurm/delve-shards.sh   # on the login node: submits the array, then the merge
#
# Settings (environment variables, or edit the defaults below):
#   SUITE         the suite: a built-in name or a suite file                 (smoke)
#   AGENT         the agent                                                  (random)
#   SHARDS        how many shards: the array has one task per shard          (8)
#   CPUS          CPUs Slurm gives each shard (--cpus-per-task)              (4)
#   JOBS          episodes a shard plays at once (delve eval --jobs)         (CPUS)
#   ACT_TIMEOUT   seconds an agent process has to answer (--act-timeout)     (300)
#   EVAL_OPTIONS  more options for a shard's first delve eval, e.g. --profile balrog  (none)
#   RUN_ID        the merged run's name; shards are RUN_ID-shard-K           (delve-<UTC time>)
#   OUT           a folder every node can write                              (runs)
#   RETRIES       how often an array task resumes its incomplete shard       (3)
#   RETRY_WAIT    seconds before each such resume                            (60)
# sbatch's own variables apply too (SBATCH_PARTITION, SBATCH_ACCOUNT, SBATCH_TIMELIMIT).
#
# An array task whose shard's run directory exists resumes it: a task that
# Slurm requeued (preemption, a node failure) finishes its shard, and so does
# the whole script submitted again with the same RUN_ID (shards that are done
# play nothing). A shard left incomplete by agent errors (delve eval exits 3:
# a model endpoint failed) is resumed up to RETRIES times, RETRY_WAIT seconds
# apart; the task then exits with delve's status (0 complete, 3 incomplete,
# 2 usage error, 1 internal error).
#
# The merge waits for every task to end, however it ended (afterany), then
# checks: a shard without a run directory (its task was cancelled before it
# started, or failed to start) is named and nothing is merged (exit 3);
# otherwise `delve merge` joins the shards, naming the incomplete ones to
# resume (exit 3). An incomplete merged run is replaced by the next merge.
#SBATCH --job-name=delve-shards
#SBATCH --time=02:00:00
#SBATCH --output=delve-%A_%a.log
#SBATCH --open-mode=append
set -euo pipefail

SUITE="${SUITE:-smoke}"
AGENT="${AGENT:-random}"
SHARDS="${SHARDS:-8}"
CPUS="${CPUS:-4}"
ACT_TIMEOUT="${ACT_TIMEOUT:-300}"
EVAL_OPTIONS="${EVAL_OPTIONS:-}"
OUT="${OUT:-runs}"
RUN_ID="${RUN_ID:-delve-$(date -u +%Y%m%d-%H%M%S)}"
RETRIES="${RETRIES:-3}"
RETRY_WAIT="${RETRY_WAIT:-60}"

if [[ "${1:-}" == "--merge" ]]; then
    shards=()
    absent=()
    for ((k = 1; k <= SHARDS; k++)); do
        if [[ -f "$OUT/$RUN_ID-shard-$k/run.json" ]]; then
            shards+=("$OUT/$RUN_ID-shard-$k")
        else
            absent+=("$k")
        fi
    done
    if ((${#absent[@]} > 0)); then
        echo "Shards without a run directory: ${absent[*]} of $SHARDS (cancelled before they started, or failed to start: see their tasks' logs)." >&2
        echo "Nothing merged. Submit again with RUN_ID=$RUN_ID: the shards that ran resume." >&2
        exit 3
    fi
    merged="$OUT/$RUN_ID"
    if [[ -f "$merged/summary.json" ]] && ! grep -q '^  "missing"' "$merged/summary.json"; then
        echo "$merged is merged and complete already."
        exit 0
    fi
    # An earlier merge of incomplete shards, or one killed part way: the shards hold all of it.
    rm -rf "$merged"
    exec delve merge "${shards[@]}" --out "$merged"
fi

if [[ -z "${SLURM_ARRAY_TASK_ID:-}" ]]; then
    # Submitted by hand: queue the array, then the merge after every task has ended.
    script=$(realpath "$0")
    array=$(sbatch --parsable --array="0-$((SHARDS - 1))" --cpus-per-task="$CPUS" \
        --export=ALL,RUN_ID="$RUN_ID" "$script")
    array="${array%%;*}"  # --parsable prints "id;cluster" on a multi-cluster site
    merge=$(sbatch --parsable --dependency="afterany:$array" --export=ALL,RUN_ID="$RUN_ID" \
        --job-name=delve-merge --output=delve-merge-%j.log --wrap="bash $(printf %q "$script") --merge")
    echo "Submitted the array $array ($SHARDS shards) and its merge ${merge%%;*}: $OUT/$RUN_ID"
    exit 0
fi

K=$((SLURM_ARRAY_TASK_ID + 1))
DIR="$OUT/$RUN_ID-shard-$K"
JOBS="${JOBS:-${SLURM_CPUS_PER_TASK:-1}}"
read -r -a options <<<"$EVAL_OPTIONS"
status=0
if [[ -d "$DIR" ]]; then
    echo "shard $K: resuming $DIR" >&2
    delve eval --resume "$DIR" --jobs "$JOBS" --act-timeout "$ACT_TIMEOUT" || status=$?
else
    delve eval --suite "$SUITE" --agent "$AGENT" --shard "$K/$SHARDS" "${options[@]}" \
        --jobs "$JOBS" --act-timeout "$ACT_TIMEOUT" --run-id "$RUN_ID-shard-$K" --out "$OUT" || status=$?
fi
for ((try = 1; status == 3 && try <= RETRIES; try++)); do
    echo "shard $K is incomplete; resume $try of $RETRIES in ${RETRY_WAIT}s" >&2
    sleep "$RETRY_WAIT"
    status=0
    delve eval --resume "$DIR" --jobs "$JOBS" --act-timeout "$ACT_TIMEOUT" || status=$?
done
if ((status == 3)); then
    echo "shard $K is still incomplete after $RETRIES resumes; the merge will name it" >&2
fi
exit "$status"
