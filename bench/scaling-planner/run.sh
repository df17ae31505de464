#!/usr/bin/env bash
# Recomputes protection for 10,000 weddings across 20 regions (JMH) and prints the figure; the target is < 200 ms.
# The benchmark is test code of the scaling-planner (src/test/java/org/wedops/planner/bench), so it compiles with the
# suite; it runs with the module's test class path through exec:exec (a JVM of its own: JMH forks its measuring JVM
# with that JVM's class path, which exec:java's in-Maven class loader would not give it).
#   bench/scaling-planner/run.sh            build what the scaling-planner needs offline, then run the benchmark
#   MAVEN_FLAGS= bench/scaling-planner/run.sh   the same, letting Maven fetch what ~/.m2 lacks
set -euo pipefail
cd "$(dirname "$0")/../.."

flags="${MAVEN_FLAGS--o}"
# shellcheck disable=SC2086
./mvnw -B -q $flags -pl scaling-planner -am install -DskipTests
# shellcheck disable=SC2086
./mvnw -B -q $flags -pl scaling-planner exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
  -Dexec.args="-cp %classpath org.wedops.planner.bench.ProtectionBenchmark"
