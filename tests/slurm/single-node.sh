#!/usr/bin/env bash
# Start or stop a one-node SLURM cluster on this machine, for the opt-in SLURM test.
#   tests/slurm/single-node.sh start DIR   (needs root and Debian's slurm-wlm and munge)
#   tests/slurm/single-node.sh stop DIR    (ends every daemon start started, and their jobs)
#   tests/slurm/single-node.sh logs DIR    (the last lines of slurmctld's and slurmd's logs)
# Everything it writes stays in DIR; clients find the cluster through SLURM_CONF=DIR/slurm.conf.
set -euo pipefail
action=$1
dir=$(realpath -m "$2")

start() {
    mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
    cpus=$(nproc)
    mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
    cat > "$dir/slurm.conf" <<CONF
ClusterName=qualflow-test
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MinJobAge=600
MpiDefault=none
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus Boards=1 SocketsPerBoard=1 CoresPerSocket=$cpus ThreadsPerCore=1 RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
    # Debian 12 ships SLURM 22.05, which has no "disabled" cgroup plugin; v1 works in containers.
    echo "CgroupPlugin=cgroup/v1" > "$dir/cgroup.conf"
    if [[ ! -f /etc/munge/munge.key ]]; then
        mungekey --create --keyfile=/etc/munge/munge.key 2>/dev/null || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
    fi
    mkdir -p /run/munge && chown munge:munge /run/munge /etc/munge/munge.key 2>/dev/null || true
    chmod 0400 /etc/munge/munge.key
    # Start munged only if none runs, and remember that we did, so that stop ends it.
    if ! pgrep -x munged >/dev/null; then
        runuser -u munge -- munged --pid-file=/run/munge/munged.pid || munged --force --pid-file=/run/munge/munged.pid
        cp /run/munge/munged.pid "$dir/munged.pid"
    fi
    export SLURM_CONF=$dir/slurm.conf
    # srun inside a job looks only in the default place: point it at ours when that place is free.
    mkdir -p /etc/slurm
    for name in slurm.conf cgroup.conf; do
        if [[ ! -e /etc/slurm/$name || -L /etc/slurm/$name ]]; then ln -sfn "$dir/$name" "/etc/slurm/$name"; fi
    done
    slurmctld -f "$dir/slurm.conf" || { echo "slurmctld did not start" >&2; logs >&2; return 1; }
    slurmd -f "$dir/slurm.conf" -N localhost || { echo "slurmd did not start" >&2; logs >&2; return 1; }
    for _ in $(seq 1 60); do
        if sinfo -h -o %t 2>/dev/null | grep -q -E '^(idle|mix|alloc)'; then
            echo "SLURM is up: SLURM_CONF=$dir/slurm.conf"
            return 0
        fi
        sleep 1
    done
    echo "SLURM did not come up in 60 s; sinfo says: $(sinfo -h -o '%t %E' 2>&1)" >&2
    logs >&2
    return 1
}

# The last lines of the daemons' logs, for a failure message.
logs() {
    for name in slurmctld slurmd; do
        echo "--- $dir/$name.log (last 40 lines)"
        tail -n 40 "$dir/$name.log" 2>/dev/null || echo "(none)"
    done
}

# Send TERM to the process in a pid file and wait up to 20 s for it to end, then KILL it.
end() {
    local pidfile=$1 pid
    [[ -f $pidfile ]] || return 0
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    echo "pid $pid from $pidfile did not end on TERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

stop() {
    for name in slurm.conf cgroup.conf; do
        if [[ -L /etc/slurm/$name && $(readlink "/etc/slurm/$name") == "$dir/$name" ]]; then rm "/etc/slurm/$name"; fi
    done
    # Jobs first, so that slurmd has no steps left to wait for.
    if [[ -f $dir/slurmctld.pid ]]; then
        SLURM_CONF=$dir/slurm.conf timeout 20 scancel --quiet --partition=debug 2>/dev/null || true
    fi
    end "$dir/slurmd.pid"
    end "$dir/slurmctld.pid"
    end "$dir/munged.pid"  # only when start started it
}

"$action"
