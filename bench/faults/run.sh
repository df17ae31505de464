#!/usr/bin/env bash
# Fault campaign against the real local stack: PostgreSQL stopped for 60 s, the Kafka broker killed (SIGKILL) mid-stream,
# apm-ingest and alert-router killed (SIGKILL) under load, each relaunched exactly as it ran. Prints one table.
#   bench/faults/run.sh [--port-offset 300] [--only pg,broker,apm,router] [--samples 100000]
# The stack runs from bench/faults/work/ (its own .wedops/: data and logs), wiped at the start of every run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! ./mvnw -B --no-transfer-progress -q -DskipTests package; then
  echo "build failed; see the Maven output above" >&2
  exit 1
fi
exec python3 bench/faults/faults.py "$@"
