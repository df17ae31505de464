#!/usr/bin/env bash
# Recomputes protection for 10,000 weddings across 20 regions (JMH) and prints the figure; the target is < 200 ms.
#   bench/scaling-planner/run.sh            build the scaling-planner's test classes offline, then run the benchmark
#   MAVEN_FLAGS= bench/scaling-planner/run.sh   the same, letting Maven fetch what ~/.m2 lacks
set -euo pipefail
cd "$(dirname "$0")/../.."

flags="${MAVEN_FLAGS--o}"
# shellcheck disable=SC2086
./mvnw -B -q $flags -pl scaling-planner test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="scaling-planner/target/test-classes:scaling-planner/target/classes:$(cat scaling-planner/target/bench-classpath.txt)"
exec java -cp "$classpath" org.wedops.planner.bench.ProtectionBenchmark "$@"
