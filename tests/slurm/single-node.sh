#!/usr/bin/env bash
# Start or stop a one-node SLURM cluster on this machine, for the opt-in SLURM test.
#   tests/slurm/single-node.sh start DIR   (needs root and Debian's slurm-wlm and munge)
#   tests/slurm/single-node.sh stop DIR
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
    pgrep -x munged >/dev/null || runuser -u munge -- munged || munged --force
    export SLURM_CONF=$dir/slurm.conf
    # srun inside a job looks only in the default place: point it at ours when that place is free.
    mkdir -p /etc/slurm
    for name in slurm.conf cgroup.conf; do
        if [[ ! -e /etc/slurm/$name || -L /etc/slurm/$name ]]; then ln -sfn "$dir/$name" "/etc/slurm/$name"; fi
    done
    slurmctld -f "$dir/slurm.conf"
    slurmd -f "$dir/slurm.conf" -N localhost
    for _ in $(seq 1 30); do
        if sinfo -h -o %t 2>/dev/null | grep -q -E '^(idle|mix|alloc)'; then
            echo "SLURM is up: SLURM_CONF=$dir/slurm.conf"
            return 0
        fi
        sleep 1
    done
    echo "SLURM did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
    return 1
}

stop() {
    for name in slurm.conf cgroup.conf; do
        if [[ -L /etc/slurm/$name && $(readlink "/etc/slurm/$name") == "$dir/$name" ]]; then rm "/etc/slurm/$name"; fi
    done
    for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid"; do
        [[ -f $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
    done
}

"$action"
