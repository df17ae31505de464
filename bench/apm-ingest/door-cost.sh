#!/usr/bin/env bash
# The door's CPU per sample on one thread (DoorCostBench): JSON reading, then validation, series keys and cap, Avro
# encoding. No HTTP, no broker: for judging a change to the door before the end-to-end bench (run.sh).
#   bench/apm-ingest/door-cost.sh [-Dbench.rounds=5 -Dbench.seconds=10]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl apm-ingest -am install -DskipTests
./mvnw -B -q -o -pl apm-ingest exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.wedops.apm.ingest.DoorCostBench "$@"
