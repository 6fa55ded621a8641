#!/usr/bin/env bash
# A local 3-node MariaDB Galera cluster for Forte's cluster tests (README, "Scaling"): private data directories and
# ports on loopback, never the machine's MariaDB on 3306. The nodes run as `mysql` when started by root (an rsync
# state transfer fails for a node running as root).
#
#   galera-cluster.sh up          bootstrap node 1, then join nodes 2 and 3 one at a time (a node already up stays);
#                                 answers once every node is synced
#   galera-cluster.sh down        stop every node, the bootstrap node last, and remove the data directories
#   galera-cluster.sh status      each node's port, pid and wsrep state
#   galera-cluster.sh kill N      kill -9 node N, as a crash would
#   galera-cluster.sh start N     start node N again: it rejoins (IST, or a full state transfer) and waits until synced
#
# GALERA_DIR (default /tmp/forte-galera) holds everything; GALERA_PORT_BASE (default 24400) places the ports: node N
# answers SQL on BASE+N, and uses BASE+10+N (group), BASE+20+N (IST) and BASE+30+N (SST).
set -euo pipefail

DIR=${GALERA_DIR:-/tmp/forte-galera}
BASE=${GALERA_PORT_BASE:-24400}
NODES=(1 2 3)
PROVIDER=/usr/lib/galera/libgalera_smm.so

if [ "$(id -u)" -eq 0 ]; then RUN_AS=mysql; else RUN_AS=$(id -un); fi

say() { echo "galera-cluster: $*" >&2; }
die() {
  say "$*"
  exit 2
}

sql_port() { echo $((BASE + $1)); }
conf() { echo "$DIR/n$1.cnf"; }
pid_of() { cat "$DIR/n$1.pid" 2>/dev/null || true; }
running() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
client() { mariadb --no-defaults --protocol=tcp -h 127.0.0.1 -P "$(sql_port "$1")" -uroot -N -B "${@:2}"; }
wsrep() { client "$1" -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2; }

write_config() {
  local n=$1 gcomm="" m
  for m in "${NODES[@]}"; do gcomm+="${gcomm:+,}127.0.0.1:$((BASE + 10 + m))"; done
  cat >"$(conf "$n")" <<EOF
[mysqld]
datadir=$DIR/data$n
socket=$DIR/n$n.sock
port=$(sql_port "$n")
bind-address=127.0.0.1
pid-file=$DIR/n$n.pid
log-error=$DIR/n$n.err
user=$RUN_AS
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
innodb_buffer_pool_size=64M
innodb_log_file_size=48M
max_connections=300
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=forte_test_$BASE
wsrep_cluster_address=gcomm://$gcomm
wsrep_node_address=127.0.0.1
wsrep_node_name=n$n
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$((BASE + 10 + n));ist.recv_addr=127.0.0.1:$((BASE + 20 + n));gcache.size=256M"
wsrep_sst_receive_address=127.0.0.1:$((BASE + 30 + n))
wsrep_sst_method=rsync
EOF
}

prepare() {
  [ -x /usr/sbin/mariadbd ] || die "mariadbd is not installed (apt-get install mariadb-server)"
  [ -f "$PROVIDER" ] || die "Galera is not installed (apt-get install galera-4)"
  command -v rsync >/dev/null || die "rsync is not installed (apt-get install rsync)"
  mkdir -p "$DIR"
  chmod 755 "$DIR"
  chown "$RUN_AS" "$DIR"
  local n
  for n in "${NODES[@]}"; do
    write_config "$n"
    if [ ! -d "$DIR/data$n/mysql" ]; then
      mariadb-install-db --no-defaults --datadir="$DIR/data$n" --user="$RUN_AS" \
        --auth-root-authentication-method=normal >"$DIR/install$n.log" 2>&1 ||
        die "mariadb-install-db failed for node $n (see $DIR/install$n.log)"
    fi
  done
}

# Waits until node N (process $2) is synced with a primary component; fails after $3 seconds, and answers 1 when
# the process stopped meanwhile.
wait_synced() {
  local n=$1 pid=$2 limit=$3 waited=0
  until [ "$(wsrep "$n" wsrep_ready)" = "ON" ] && [ "$(wsrep "$n" wsrep_local_state_comment)" = "Synced" ]; do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$waited" -lt "$limit" ] || die "node $n not synced after ${limit}s (see $DIR/n$n.err)"
    sleep 1
    waited=$((waited + 1))
  done
}

# Starts node N (extra arguments go to mariadbd) and waits until it is synced. A node that stops while joining (a
# state transfer that failed as the cluster changed around it) is started once more, as an operator would.
start_node() {
  local n=$1 attempt
  shift
  # Up already, perhaps still joining (a test that failed mid-rejoin): answer once it is synced.
  if running "$n" && wait_synced "$n" "$(pid_of "$n")" 180; then return 0; fi
  for attempt in 1 2; do
    # mariadbd detaches from this shell's job control and outlives it; its pid file tells where it is.
    setsid /usr/sbin/mariadbd --defaults-file="$(conf "$n")" "$@" </dev/null >>"$DIR/n$n.out" 2>&1 &
    if wait_synced "$n" $! 180; then
      say "node $n synced on port $(sql_port "$n")"
      return 0
    fi
    say "node $n stopped while starting, attempt $attempt (see $DIR/n$n.err)"
  done
  die "node $n did not start"
}

stop_node() {
  local n=$1 pid
  pid=$(pid_of "$n")
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
}

up() {
  prepare
  if running 1 || running 2 || running 3; then
    local n
    for n in "${NODES[@]}"; do start_node "$n"; done
  else
    # A fresh bootstrap: node 1 starts the cluster, whatever the grastate of an earlier run says.
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$DIR/data1/grastate.dat" 2>/dev/null || true
    start_node 1 --wsrep-new-cluster
    start_node 2
    start_node 3
  fi
  [ "$(wsrep 1 wsrep_cluster_size)" = "3" ] || die "the cluster has $(wsrep 1 wsrep_cluster_size) nodes, not 3"
  say "3 nodes up: 127.0.0.1:$(sql_port 1), :$(sql_port 2), :$(sql_port 3)"
}

down() {
  local n
  for n in 3 2 1; do stop_node "$n"; done
  # A node still starting when it was asked to stop (a test that failed mid-rejoin) may have no pid file yet.
  if pkill -KILL -f -- "--defaults-file=$DIR/n[0-9].cnf"; then sleep 1; fi
  rm -rf "$DIR"
  say "down"
}

status() {
  local n
  for n in "${NODES[@]}"; do
    if running "$n"; then
      echo "n$n port $(sql_port "$n") pid $(pid_of "$n") ready $(wsrep "$n" wsrep_ready) $(wsrep "$n" wsrep_cluster_status) size $(wsrep "$n" wsrep_cluster_size)"
    else
      echo "n$n port $(sql_port "$n") stopped"
    fi
  done
}

node_arg() {
  case "${1:-}" in 1 | 2 | 3) echo "$1" ;; *) die "name a node: 1, 2 or 3" ;; esac
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill)
    n=$(node_arg "${2:-}")
    pid=$(pid_of "$n")
    [ -n "$pid" ] && kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$DIR/n$n.pid"
    ;;
  start) start_node "$(node_arg "${2:-}")" ;;
  *) die "usage: galera-cluster.sh up|down|status|kill N|start N" ;;
esac
