#!/usr/bin/env bash
# Starts a private, throw-away MariaDB (no system service, no /etc/mysql): ROW binlog with FULL images and
# annotate-rows events, loopback only, a real root password. Used by the test harness, the bench and by hand.
# Usage: scripts/start-db.sh DIR PORT [ROOT_PASSWORD]        stop: kill "$(cat DIR.pid)"
# Optional: EXTRA_MARIADBD_ARGS="--ssl-ca=… --ssl-cert=… --ssl-key=…" adds server options (space-separated, no
# quoting; later options win over the defaults below).
set -euo pipefail
DIR=${1:?datadir}
PORT=${2:?port}
PW=${3:-rootpw}
SOCK="$DIR.sock"; PIDF="$DIR.pid"; LOG="$DIR.err"
# a private tmpdir: servers installed at the same time collide on temporary table names in a shared /tmp
TMPD="$DIR.tmp"
ME=$(id -un)

for tool in mariadbd mariadb-install-db mariadb-admin mariadb; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    echo "MariaDB is not installed ($tool missing). Install it with: apt-get install -y mariadb-server mariadb-client" >&2
    exit 3
  fi
done
PATH="$PATH:/usr/sbin"
read -r -a EXTRA_ARGS <<<"${EXTRA_MARIADBD_ARGS:-}"

FRESH=0
if [ ! -d "$DIR/mysql" ]; then
  FRESH=1
  mkdir -p "$DIR"
  mkdir -p "$TMPD"
  mariadb-install-db --no-defaults --user="$ME" --datadir="$DIR" --tmpdir="$TMPD" \
     --auth-root-authentication-method=normal --skip-test-db >"$DIR.install.log" 2>&1
fi

mkdir -p "$TMPD"
mariadbd --no-defaults --user="$ME" --datadir="$DIR" --tmpdir="$TMPD" \
  --port="$PORT" --bind-address=127.0.0.1 --socket="$SOCK" --pid-file="$PIDF" --log-error="$LOG" \
  --server-id=1 --log-bin="$DIR/binlog" --binlog-format=ROW --binlog-row-image=FULL \
  --binlog-annotate-row-events=ON --max-binlog-size=1G \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
  --skip-name-resolve --innodb-buffer-pool-size=128M --innodb-log-file-size=64M \
  --innodb-flush-log-at-trx-commit=2 --sync-binlog=0 --max-allowed-packet=64M \
  --max-connections=500 --explicit-defaults-for-timestamp=ON ${EXTRA_ARGS[@]+"${EXTRA_ARGS[@]}"} >/dev/null 2>&1 &

for _ in $(seq 1 300); do
  mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 && break
  sleep 0.1
done
if ! mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1; then
  echo "MariaDB did not start; its log:" >&2; tail -30 "$LOG" >&2; exit 1
fi

if [ "$FRESH" = 1 ]; then
  mariadb --no-defaults --socket="$SOCK" -uroot <<SQL
CREATE OR REPLACE USER 'root'@'127.0.0.1' IDENTIFIED BY '$PW';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
CREATE OR REPLACE USER 'root'@'%' IDENTIFIED BY '$PW';
GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;
CREATE OR REPLACE USER 'repl'@'%' IDENTIFIED BY 'replpw';
GRANT REPLICATION SLAVE, BINLOG MONITOR, SELECT ON *.* TO 'repl'@'%';
CREATE DATABASE IF NOT EXISTS test CHARACTER SET utf8mb4;
FLUSH PRIVILEGES;
SQL
fi
echo "mariadb up: pid $(cat "$PIDF") 127.0.0.1:$PORT"
