#!/bin/sh
# One database per service, all owned by the role the services log in with (WEDOPS_DB_PASSWORD). Runs once, on the
# first start of an empty data volume, in the official postgres image and in the offline one alike.
set -eu
: "${WEDOPS_DB_PASSWORD:?WEDOPS_DB_PASSWORD must be set (see .env.example)}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --set=password="$WEDOPS_DB_PASSWORD" <<'SQL'
create role wedops login password :'password';
SQL
for database in health_collector deployment_orchestrator scaling_planner apm_ingest alert_router; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "create database $database owner wedops"
done
