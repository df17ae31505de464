#!/bin/sh
# One database per service, each owned by its own login role (as the CloudNativePG Cluster of k8s/ has them), with the
# password from WEDOPS_DB_PASSWORD_<DATABASE> (.env). Runs once, on the first start of an empty data volume, in the
# official postgres image and in the offline one alike.
set -eu
for database in health_collector deployment_orchestrator scaling_planner apm_ingest alert_router; do
  variable="WEDOPS_DB_PASSWORD_$(echo "$database" | tr 'a-z' 'A-Z')"
  eval "password=\${$variable:-}"
  [ -n "$password" ] || { echo "$variable must be set (see .env.example)" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --set=password="$password" <<SQL
create role $database login password :'password';
create database $database owner $database;
revoke all on database $database from public;
SQL
done
