#!/usr/bin/env bash
# A single-node Slurm on this machine, for trying the examples/slurm script on
# a real scheduler (scripts/slurm-check.sh uses it in CI).
#
#   bash scripts/local-slurm.sh up     # starts munged, slurmctld and slurmd; waits until the node is idle
#   source "$DELVE_SLURM_DIR/env"      # points sbatch, squeue, scontrol at it (SLURM_CONF)
#   bash scripts/local-slurm.sh down   # cancels its jobs, stops the daemons, removes the folder
#
# Everything lives in one folder, DELVE_SLURM_DIR (default /tmp/delve-slurm):
# the munge key and socket, slurm.conf, the controller's state, the spool and
# the logs. Nothing under /etc or /var is used, and no systemd is needed; the
# daemons run from Debian's packages (apt-get install slurm-wlm munge). The
# node is this machine with its own CPUs and memory (`slurmd -C`); the one
# partition, `debug`, is the default. It must run as root: slurmd starts jobs.
#
# Settings: DELVE_SLURM_DIR; DELVE_SLURM_PORT (slurmctld's port, 6817; slurmd
# uses the next one); DELVE_SLURM_WAIT (seconds to wait for the node, 60).
set -euo pipefail

PATH="$PATH:/usr/sbin:/sbin"  # where Debian puts the daemons
DIR="${DELVE_SLURM_DIR:-/tmp/delve-slurm}"
PORT="${DELVE_SLURM_PORT:-6817}"
WAIT="${DELVE_SLURM_WAIT:-60}"

fail() {
    echo "local-slurm: $*" >&2
    exit 1
}

# Prints the last lines of every daemon log, to say why something did not start.
show_logs() {
    local log
    for log in "$DIR"/log/*.log; do
        [[ -f "$log" ]] || continue
        echo "--- $log" >&2
        tail -n 15 "$log" >&2
    done
}

# Sends SIGTERM to the process in pid file $1 and waits up to 10 s for it to end.
stop_pid_file() {
    local pid
    [[ -f "$1" ]] || return 0
    pid=$(<"$1")
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
    fi
    rm -f "$1"
}

up() {
    local missing=() tool
    for tool in munged slurmctld slurmd sbatch scontrol sinfo; do
        command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
    done
    if ((${#missing[@]} > 0)); then
        fail "missing ${missing[*]}; install them with: apt-get install slurm-wlm munge"
    fi
    if [[ "$(id -u)" -ne 0 ]]; then
        fail "run as root: slurmd starts jobs as their users, and munged and slurmd need root's files"
    fi
    if [[ -e "$DIR/slurm.conf" ]]; then
        fail "$DIR already holds a Slurm; run 'bash $0 down' first, or set DELVE_SLURM_DIR"
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$((PORT + 1))") 2>/dev/null; then
        fail "port $PORT or $((PORT + 1)) is in use (another Slurm?); set DELVE_SLURM_PORT"
    fi

    mkdir -p "$DIR"/{munge,state,spool,log,run}
    trap down EXIT  # a start that fails stops what it started; success clears this
    # munged wants its socket reachable by every user (the folders above it
    # searchable by all) and its key readable by root alone.
    chmod 755 "$DIR" "$DIR/run"
    chmod 700 "$DIR/munge"

    # munge: a fresh key, and a daemon on a socket of our own.
    dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$DIR/munge/munge.key"
    munged --key-file="$DIR/munge/munge.key" --socket="$DIR/run/munge.socket" \
        --pid-file="$DIR/run/munged.pid" --log-file="$DIR/log/munged.log" \
        --seed-file="$DIR/munge/seed" ||
        { show_logs; fail "munged did not start"; }

    local node host
    node=$(slurmd -C | head -n 1) || fail "slurmd -C cannot read this machine's hardware"
    host=$(hostname -s)
    cat >"$DIR/slurm.conf" <<EOF
# A single-node Slurm written by scripts/local-slurm.sh.
ClusterName=delve
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
CredType=cred/munge
# cred_expire is also how long a requeued job waits before it starts again.
AuthInfo=socket=$DIR/run/munge.socket,cred_expire=10
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
# Schedule every second or two, not every minute: a requeued job starts soon after it may.
SchedulerParameters=sched_interval=2,bf_interval=1
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MailProg=/bin/true
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
    printf 'export SLURM_CONF=%q\n' "$DIR/slurm.conf" >"$DIR/env"
    export SLURM_CONF="$DIR/slurm.conf"

    slurmctld -f "$SLURM_CONF" -c || { show_logs; fail "slurmctld did not start"; }
    slurmd -f "$SLURM_CONF" -N "$host" || { show_logs; fail "slurmd did not start"; }

    local state=""
    for ((i = 0; i < WAIT * 2; i++)); do
        state=$(sinfo -h -N -n "$host" -o %T 2>/dev/null || true)
        [[ "$state" == idle ]] && break
        sleep 0.5
    done
    if [[ "$state" != idle ]]; then
        show_logs
        fail "the node is '${state:-not known}' after ${WAIT}s, not idle"
    fi
    trap - EXIT
    echo "local-slurm: node $host is idle ($(sinfo -h -N -n "$host" -o '%c CPUs, %m MB')); source $DIR/env"
}

down() {
    if [[ -f "$DIR/slurm.conf" ]]; then
        export SLURM_CONF="$DIR/slurm.conf"
        if [[ -f "$DIR/run/slurmctld.pid" ]]; then
            squeue -h -o %A 2>/dev/null | xargs -r scancel 2>/dev/null || true
        fi
    fi
    stop_pid_file "$DIR/run/slurmd.pid"
    stop_pid_file "$DIR/run/slurmctld.pid"
    stop_pid_file "$DIR/run/munged.pid"
    rm -rf "$DIR"
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    *) fail "usage: bash $0 up|down" ;;
esac
