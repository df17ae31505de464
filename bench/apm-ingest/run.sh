#!/usr/bin/env bash
# Issue 3's benchmark: the raw producer limit (Kafka's ProducerPerformance) and WedOps end to end (HTTP batches in →
# windows in PostgreSQL) in one run on this machine, then the query API over a day of 1,000 series. Prints ratios.
#   bench/apm-ingest/run.sh [-Dbench.seconds=60 -Dbench.concurrency=8 -Dbench.batch=1000 -Dbench.series=1000]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -pl apm-ingest -am install -DskipTests
./mvnw -B -q -o -pl apm-ingest exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.wedops.apm.bench.ApmIngestLoadBench "$@"
