#!/usr/bin/env bash
# Start (or stop) the SPARQL engines the remote-store tests run against, on loopback, with scratch data:
#   Oxigraph server (PyPI package `oxigraph`, binary `oxigraph`) and OpenLink Virtuoso open source
#   (Debian package `virtuoso-opensource`, binaries `virtuoso-t` and `isql-vt`).
#
#   scripts/start_engines.sh start   # starts both, waits until they answer, prints the variables to export
#   scripts/start_engines.sh stop    # stops the processes this script started (by their recorded pids)
#
# Typical use:  eval "$(scripts/start_engines.sh start)" && .venv/bin/pytest tests/test_remote_store.py
# Settings (environment): FTZGRAPH_ENGINES_DIR (scratch folder, default /tmp/ftzgraph-engines),
# FTZGRAPH_OXIGRAPH_PORT (default 17878), FTZGRAPH_VIRTUOSO_HTTP_PORT (18890), FTZGRAPH_VIRTUOSO_SQL_PORT (11111),
# FTZGRAPH_ENGINES_WAIT_S (how long to wait for each engine, default 120). Progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR="${FTZGRAPH_ENGINES_DIR:-/tmp/ftzgraph-engines}"
OX_PORT="${FTZGRAPH_OXIGRAPH_PORT:-17878}"
VT_HTTP="${FTZGRAPH_VIRTUOSO_HTTP_PORT:-18890}"
VT_SQL="${FTZGRAPH_VIRTUOSO_SQL_PORT:-11111}"
WAIT_S="${FTZGRAPH_ENGINES_WAIT_S:-120}"
OX_URL="http://127.0.0.1:${OX_PORT}/query"
VT_URL="http://127.0.0.1:${VT_HTTP}/sparql"

log() { echo "start_engines: $*" >&2; }

oxigraph_bin() {
  if [ -x .venv/bin/oxigraph ]; then echo .venv/bin/oxigraph; return; fi
  command -v oxigraph || { log "no oxigraph binary. Hint: .venv/bin/pip install oxigraph"; exit 1; }
}

wait_for() {  # URL NAME LOGFILE: poll a SPARQL ASK until it answers 200
  local url="$1" name="$2" logfile="$3" waited=0
  until curl -fs -o /dev/null --max-time 2 "${url}?query=ASK%7B%7D"; do
    sleep 1
    waited=$((waited + 1))
    if [ "$waited" -ge "$WAIT_S" ]; then
      log "$name did not answer at $url after ${WAIT_S}s; last lines of $logfile:"
      tail -n 20 "$logfile" >&2 || true
      exit 1
    fi
  done
  log "$name answers at $url (${waited}s)"
}

start_oxigraph() {
  mkdir -p "$DIR/oxigraph/data"
  "$(oxigraph_bin)" serve --location "$DIR/oxigraph/data" --bind "127.0.0.1:${OX_PORT}" \
    >"$DIR/oxigraph/server.log" 2>&1 &
  echo $! >"$DIR/oxigraph/pid"
  wait_for "$OX_URL" "oxigraph" "$DIR/oxigraph/server.log"
}

start_virtuoso() {
  command -v virtuoso-t >/dev/null || { log "no virtuoso-t. Hint: apt-get install -y virtuoso-opensource"; exit 1; }
  local home="$DIR/virtuoso"
  mkdir -p "$home/vsp"
  # Scratch database, both listeners on loopback; ResultSetMaxRows raised from 10000, which would
  # silently truncate large SELECT answers.
  cat >"$home/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $home/virtuoso.db
ErrorLogFile = $home/virtuoso.log
LockFile = $home/virtuoso.lck
TransactionFile = $home/virtuoso.trx
xa_persistent_file = $home/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $home/virtuoso-temp.db
TransactionFile = $home/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:${VT_SQL}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., $home
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
[HTTPServer]
ServerPort = 127.0.0.1:${VT_HTTP}
ServerRoot = $home/vsp
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
EOF
  (cd "$home" && exec virtuoso-t +configfile "$home/virtuoso.ini" +foreground >"$home/server.log" 2>&1) &
  echo $! >"$home/pid"
  wait_for "$VT_URL" "virtuoso" "$home/virtuoso.log"
  # The anonymous SPARQL user may update (endpoint /sparql) and write graphs (/sparql-graph-crud).
  # Loopback and scratch data only: on a shared server use /sparql-auth and a dedicated account instead.
  isql-vt "127.0.0.1:${VT_SQL}" dba dba \
    exec="GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" >&2
}

stop_one() {  # NAME: kill the pid this script recorded, wait for it to exit
  local pidfile="$DIR/$1/pid"
  [ -f "$pidfile" ] || return 0
  local pid
  pid="$(cat "$pidfile")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    log "stopped $1 (pid $pid)"
  fi
  rm -f "$pidfile"
}

case "${1:-start}" in
  start)
    stop_one oxigraph
    stop_one virtuoso
    rm -rf "$DIR"
    mkdir -p "$DIR"
    start_oxigraph
    start_virtuoso
    cat <<EOF
export FTZGRAPH_TEST_OXIGRAPH_URL=$OX_URL
export FTZGRAPH_TEST_VIRTUOSO_URL=$VT_URL
export FTZGRAPH_TEST_VIRTUOSO_UPDATE_URL=$VT_URL
export FTZGRAPH_TEST_VIRTUOSO_GSP_URL=http://127.0.0.1:${VT_HTTP}/sparql-graph-crud
EOF
    ;;
  stop)
    stop_one oxigraph
    stop_one virtuoso
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
