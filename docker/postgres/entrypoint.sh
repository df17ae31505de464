#!/bin/sh
# Entry point of the offline PostgreSQL image (wedops/postgres-local): the interface of the official postgres image,
# so docker-compose.yml and the restore commands are the same for both. POSTGRES_PASSWORD (required on the first start),
# POSTGRES_USER (postgres), POSTGRES_DB (= user), PGDATA, POSTGRES_INITDB_ARGS; on the first start the scripts in
# /docker-entrypoint-initdb.d (*.sh run, *.sql fed to psql) run against a server reachable only on its socket.
# Local socket connections are trusted (as in the official image), TCP needs the password (scram-sha-256).
set -eu
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}"
export POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"
socket_dir=/var/run/postgresql

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is needed to initialise the database}"
  password_file="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$password_file"
  # shellcheck disable=SC2086
  initdb -D "$PGDATA" --username="$POSTGRES_USER" --pwfile="$password_file" --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C ${POSTGRES_INITDB_ARGS:-}
  rm -f "$password_file"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"

  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=$socket_dir" start
  # a failed init script leaves no half-made cluster behind to be served on the next start: it is tried afresh
  trap 'pg_ctl -D "$PGDATA" -m immediate -w stop >/dev/null 2>&1 || true; find "$PGDATA" -mindepth 1 -delete; exit 1' EXIT
  if [ "$POSTGRES_DB" != postgres ]; then
    psql -v ON_ERROR_STOP=1 -h "$socket_dir" -U "$POSTGRES_USER" -d postgres -c "create database \"$POSTGRES_DB\""
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh) echo "running $script"; PGHOST="$socket_dir" sh "$script" ;;
      *.sql) echo "running $script"; psql -v ON_ERROR_STOP=1 -h "$socket_dir" -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$script" ;;
      *) ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop
  trap - EXIT
fi

# PID 1 is the postmaster itself: docker stop's SIGTERM is a "smart" shutdown, SIGINT a fast one
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories="$socket_dir" "$@"
