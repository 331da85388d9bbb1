#!/usr/bin/env bash
# Two nodes of the application on one PostgreSQL 15, without containers (README, "Deployment kit").
#
#   deploy/two-nodes.sh [start] [DIR]   PostgreSQL and both nodes, in the foreground; Ctrl-C stops everything
#   deploy/two-nodes.sh up [DIR]        the same, returning once both nodes are ready (deploy/kill-check.sh uses it)
#   deploy/two-nodes.sh stop DIR        stops the nodes and PostgreSQL started in DIR
#
# DIR (created when missing; a new temporary folder when not given) holds the PostgreSQL cluster (pgdata/), its socket
# (run/), the nodes' logs (node1.log, node2.log), their pids and env: the prod profile's variables, mode 600, for
# deploy/kill-check.sh. Start again on the same DIR: the database and everything in it are kept.
#
# Needs Debian's PostgreSQL 15 server binaries (apt-get install postgresql-15; PG_BIN to use others), Java 17 and the
# jar (mvn -B -ntp -DskipTests package). PostgreSQL refuses to run as root: run as root, the script runs initdb,
# pg_ctl and psql as the user "postgres" (runuser; PG_OS_USER to choose another), which must be able to reach DIR;
# run as any other user, it runs them as that user.
#
# Settings (environment): PG_PORT (15432), NODE1_PORT (18181), NODE2_PORT (18182), ADMISSION_DB_USER (admission),
# ADMISSION_DB_PASSWORD (random), ADMISSION_ADMIN_USER (quantri), ADMISSION_ADMIN_PASSWORD (random, satisfies the
# password policy), JAVA_OPTS (-Xmx512m), READY_TIMEOUT seconds (300).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_PORT=${PG_PORT:-15432}
NODE_PORTS=("${NODE1_PORT:-18181}" "${NODE2_PORT:-18182}")
JAVA_OPTS=${JAVA_OPTS:--Xmx512m}
READY_TIMEOUT=${READY_TIMEOUT:-300}

say() { printf '[two-nodes] %s\n' "$*"; }
die() { printf '[two-nodes] %s\n' "$*" >&2; exit 1; }

# PostgreSQL's commands run as a user other than root.
if [ "$(id -u)" = 0 ]; then
  PG_OS_USER=${PG_OS_USER:-postgres}
  as_pg() { runuser -u "$PG_OS_USER" -- "$@"; }
else
  PG_OS_USER=$(id -un)
  as_pg() { "$@"; }
fi

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

command=start
case "${1:-}" in
  start|up|stop) command=$1; shift ;;
  -h|--help) usage ;;
esac
DIR=${1:-}

stop_all() {
  local dir=$1 i pid
  for i in 1 2; do
    if [ -f "$dir/node$i.pid" ]; then
      pid=$(cat "$dir/node$i.pid")
      if kill -0 "$pid" 2>/dev/null; then
        say "stopping node$i (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
      fi
      rm -f "$dir/node$i.pid"
    fi
  done
  if [ -f "$dir/pgdata/postmaster.pid" ]; then
    say "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$dir/pgdata" -m fast -w stop >/dev/null || true
  fi
  say "stopped; logs and database kept in $dir"
}

if [ "$command" = stop ]; then
  [ -n "$DIR" ] || die "stop needs the folder the nodes were started in"
  stop_all "$(cd "$DIR" && pwd)"
  exit 0
fi

# --- checks -----------------------------------------------------------------------------------------------------------
for tool in initdb pg_ctl psql; do
  if [ ! -x "$PG_BIN/$tool" ] && [ "$tool" != psql ]; then
    die "$PG_BIN/$tool not found: install PostgreSQL 15's server (apt-get install postgresql-15) or set PG_BIN"
  fi
done
PSQL=$PG_BIN/psql
[ -x "$PSQL" ] || PSQL=$(command -v psql) || die "psql not found"
command -v java >/dev/null || die "java not found (Java 17)"
command -v curl >/dev/null || die "curl not found"
shopt -s nullglob
jars=("$ROOT"/target/party-admission-*.jar)
shopt -u nullglob
[ ${#jars[@]} -ge 1 ] || die "no target/party-admission-*.jar: run mvn -B -ntp -DskipTests package first"
JAR=${jars[0]}
for port in "$PG_PORT" "${NODE_PORTS[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port is taken"; fi
done

# --- folder -----------------------------------------------------------------------------------------------------------
if [ -z "$DIR" ]; then
  DIR=$(mktemp -d "${TMPDIR:-/tmp}/two-nodes.XXXXXX")
fi
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
mkdir -p "$DIR/pgdata" "$DIR/run"
if [ "$(id -u)" = 0 ]; then
  chmod 711 "$DIR"   # the PostgreSQL user goes through it to pgdata/ and run/, and reads nothing else
  chown "$PG_OS_USER": "$DIR/pgdata" "$DIR/run"
  as_pg test -w "$DIR/pgdata" || die "user $PG_OS_USER cannot write $DIR/pgdata: choose a folder it can reach"
fi
chmod 700 "$DIR/pgdata"

# --- settings, kept in DIR/env for later starts and deploy/kill-check.sh -----------------------------------------------
random() { tr -dc 'A-Za-z0-9' </dev/urandom | head -c "$1" || true; }
if [ -f "$DIR/env" ]; then
  # shellcheck disable=SC1091
  . "$DIR/env"
fi
export ADMISSION_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/admission"
export ADMISSION_DB_USER=${ADMISSION_DB_USER:-admission}
export ADMISSION_DB_PASSWORD=${ADMISSION_DB_PASSWORD:-$(random 24)}
export ADMISSION_ADMIN_USER=${ADMISSION_ADMIN_USER:-quantri}
# upper, lower, digit and special character, 10+ characters (the prod profile's password policy)
export ADMISSION_ADMIN_PASSWORD=${ADMISSION_ADMIN_PASSWORD:-Qt-$(random 12)-9a}
(umask 077; cat >"$DIR/env" <<EOF
ADMISSION_DB_URL='$ADMISSION_DB_URL'
ADMISSION_DB_USER='$ADMISSION_DB_USER'
ADMISSION_DB_PASSWORD='$ADMISSION_DB_PASSWORD'
ADMISSION_ADMIN_USER='$ADMISSION_ADMIN_USER'
ADMISSION_ADMIN_PASSWORD='$ADMISSION_ADMIN_PASSWORD'
NODE1_URL='http://127.0.0.1:${NODE_PORTS[0]}'
NODE2_URL='http://127.0.0.1:${NODE_PORTS[1]}'
EOF
)

started=false
on_exit() {
  local code=$?
  if [ "$command" = start ] || { [ "$code" != 0 ] && $started; }; then
    stop_all "$DIR"
  fi
}
trap on_exit EXIT
trap 'exit 130' INT TERM
started=true

# --- PostgreSQL --------------------------------------------------------------------------------------------------------
if [ ! -f "$DIR/pgdata/PG_VERSION" ]; then
  say "creating a PostgreSQL cluster in $DIR/pgdata (as $PG_OS_USER)"
  # local (socket) connections: only the OS user, as the superuser; TCP: passwords (scram-sha-256)
  as_pg "$PG_BIN/initdb" -D "$DIR/pgdata" -U "$PG_OS_USER" -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$DIR/initdb.log"
fi
say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
as_pg "$PG_BIN/pg_ctl" -D "$DIR/pgdata" -l "$DIR/run/postgresql.log" -w -t 60 \
  -o "-p $PG_PORT -k $DIR/run -c listen_addresses=127.0.0.1" start >/dev/null

sql() { as_pg "$PSQL" -X -q -v ON_ERROR_STOP=1 -h "$DIR/run" -p "$PG_PORT" -U "$PG_OS_USER" -d postgres "$@"; }
if [ "$(sql -tAc "select 1 from pg_roles where rolname = '$ADMISSION_DB_USER'")" != 1 ]; then
  say "creating role $ADMISSION_DB_USER and database admission"
  sql -c "create role \"$ADMISSION_DB_USER\" login password '$ADMISSION_DB_PASSWORD'"
fi
if [ "$(sql -tAc "select 1 from pg_database where datname = 'admission'")" != 1 ]; then
  sql -c "create database admission owner \"$ADMISSION_DB_USER\" encoding 'UTF8'"
fi

# --- the two nodes -----------------------------------------------------------------------------------------------------
for i in 1 2; do
  port=${NODE_PORTS[$((i - 1))]}
  say "starting node$i on port $port ($(basename "$JAR"), log $DIR/node$i.log)"
  # shellcheck disable=SC2086
  setsid java $JAVA_OPTS -Dfile.encoding=UTF-8 -jar "$JAR" --spring.profiles.active=prod --server.port="$port" \
    --camunda.bpm.generic-properties.properties.hostname="node$i" >>"$DIR/node$i.log" 2>&1 </dev/null &
  echo $! >"$DIR/node$i.pid"
done

deadline=$((SECONDS + READY_TIMEOUT))
for i in 1 2; do
  port=${NODE_PORTS[$((i - 1))]}
  pid=$(cat "$DIR/node$i.pid")
  until curl -fs -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$DIR/node$i.log" >&2
      die "node$i exited before it was ready (log above: $DIR/node$i.log)"
    fi
    if [ $SECONDS -ge $deadline ]; then
      tail -n 40 "$DIR/node$i.log" >&2
      die "node$i not ready after ${READY_TIMEOUT}s"
    fi
    sleep 2
  done
  say "node$i ready (pid $pid): http://127.0.0.1:$port  (readiness $(curl -fsS "http://127.0.0.1:$port/actuator/health/readiness"))"
done

cat <<EOF
[two-nodes] both nodes are ready, on database admission at 127.0.0.1:$PG_PORT (folder $DIR)
  node1     http://127.0.0.1:${NODE_PORTS[0]}/camunda/app/tasklist/
  node2     http://127.0.0.1:${NODE_PORTS[1]}/camunda/app/tasklist/
  REST      http://127.0.0.1:${NODE_PORTS[0]}/engine-rest, /api (either node)
  sign in   $ADMISSION_ADMIN_USER, password in $DIR/env
  database  PGPASSWORD=… psql -h 127.0.0.1 -p $PG_PORT -U $ADMISSION_DB_USER admission
EOF

if [ "$command" = up ]; then
  say "running in the background; stop with: $0 stop $DIR"
  trap - EXIT
  exit 0
fi
say "Ctrl-C stops both nodes and PostgreSQL"
# Ends when a node dies (or on Ctrl-C); the EXIT trap stops everything else.
while kill -0 "$(cat "$DIR/node1.pid")" 2>/dev/null && kill -0 "$(cat "$DIR/node2.pid")" 2>/dev/null; do
  sleep 2
done
say "a node stopped by itself; stopping the rest"
