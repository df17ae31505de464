#!/usr/bin/env bash
# Issue 8's load benchmark: one health-collector, 1,000 HTTP targets every 10 s and 200 Docker containers every 15 s,
# against a real broker, PostgreSQL and dockerd. Prints achieved checks/s and lag.
#   bench/health-collector/run.sh [-Dbench.containers=200 -Dbench.httpTargets=1000 -Dbench.measureSeconds=90]
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCKER_HOST="$(bin/test-docker-engine start)"
export DOCKER_HOST
# the busybox image the tests import, made once
./mvnw -B -q -pl health-collector -am install -DskipTests
./mvnw -B -q -o -pl health-collector test -Dtest=DockerContainerHealthIT -Dsurefire.failIfNoSpecifiedTests=false >/dev/null \
  || echo "(the Docker tests failed; the image may still be there)"
./mvnw -B -q -o -pl health-collector exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=org.wedops.health.bench.HealthCollectorLoadBench "$@"
