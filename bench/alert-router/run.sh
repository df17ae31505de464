#!/usr/bin/env bash
# Alertmanager 0.25 vs the WedOps alert-router, same alert stream, one run, side by side.
#   bench/alert-router/run.sh            (from anywhere; builds what it needs first)
# The bench's code is alert-router's test sources (org.wedops.alert.bench), run with exec:java on the module's test
# class path; the router under test is its executable jar, as deployed.
# Environment (all optional): PORT_OFFSET (400), AM_PORT (9691), RECEIVER_PORT (8491),
#   AR_JVM_OPTS ("-Xmx512m"), BENCH_JFR=1 (record a JFR profile of the alert-router),
#   BENCH_PG_LOG=1 (PostgreSQL logs statements and lock waits over 20 ms; diagnosis only), DRAIN_CAP_S (1200),
#   WARMUP_EVENTS (2000), STEADY_EVENTS (10000), STEADY_RATE (500), STORM_EVENTS (50000), STORM_RATE (5000).
# See README.md beside this file for what it measures and why it is built this way.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
RESULTS="$WORK/results"
LOGS="$WORK/logs"

PORT_OFFSET="${PORT_OFFSET:-400}"
KAFKA_PORT=$((9092 + PORT_OFFSET))
KAFKA_CONTROLLER_PORT=$((9093 + PORT_OFFSET))
PG_PORT=$((5433 + PORT_OFFSET))
ROUTER_PORT=$((8085 + PORT_OFFSET))
AM_PORT="${AM_PORT:-9691}"
RECEIVER_PORT="${RECEIVER_PORT:-8491}"
export RECEIVER_PORT
export AM_URL="http://127.0.0.1:$AM_PORT"
export KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
export PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/alert_router"

# the grouping both systems get (README: "Equivalent configuration")
GROUP_WAIT=2s             # root route (HIGH)
CRITICAL_GROUP_WAIT=0s    # severity="CRITICAL" child route
GROUP_INTERVAL=5s
REPEAT_INTERVAL=1h
export GROUP_INTERVAL_MS=5000

AR_JVM_OPTS="${AR_JVM_OPTS:--Xmx512m}"
if [ "${BENCH_JFR:-0}" = "1" ]; then
  AR_JVM_OPTS="$AR_JVM_OPTS -XX:StartFlightRecording=filename=$RESULTS/alert-router.jfr,settings=profile"
fi

AM_PID=""
STACK_PID=""

log() { echo "[$(date +%H:%M:%S)] $*"; }

# ---- cleanup: only what this script started, by pid ------------------------------------------------------------
stop_pid() { # pid name grace-seconds
  local pid="$1" name="$2" grace="$3"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((grace * 4))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  log "$name did not stop in ${grace}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

stop_stack_leftovers() {
  # if BenchStack itself had to be killed, its children (own sessions) are still ours to stop
  if [ -f "$WORK/stack-pids" ]; then
    for pid in $(cat "$WORK/stack-pids"); do
      kill -0 "$pid" 2>/dev/null && { log "stopping leftover pid $pid"; kill -TERM "$pid" 2>/dev/null || true; }
    done
  fi
  local pg="$WORK/stack/postgres/postmaster.pid"
  if [ -f "$pg" ]; then
    local pid; pid="$(head -1 "$pg")"
    kill -0 "$pid" 2>/dev/null && { log "stopping leftover PostgreSQL pid $pid"; kill -INT "$pid" 2>/dev/null || true; }
  fi
  return 0
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  # a router paused for the Kafka-hop measurement must be able to hear its SIGTERM
  [ -n "${ROUTER_PID:-}" ] && kill -CONT "$ROUTER_PID" 2>/dev/null || true
  stop_pid "$AM_PID" "Alertmanager" 10
  stop_pid "$STACK_PID" "bench stack (alert-router, Kafka, PostgreSQL)" 60
  [ -n "$STACK_PID" ] && stop_stack_leftovers
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. Alertmanager 0.25 from Debian ---------------------------------------------------------------------------
mkdir -p "$WORK"
if ! command -v prometheus-alertmanager >/dev/null 2>&1; then
  log "installing Debian's prometheus-alertmanager"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y prometheus-alertmanager >"$WORK/apt-install.log" 2>&1 \
    || { apt-get update >/dev/null && apt-get install -y prometheus-alertmanager >>"$WORK/apt-install.log" 2>&1; } \
    || { echo "apt-get install prometheus-alertmanager failed; see $WORK/apt-install.log" >&2; exit 1; }
fi
AM_VERSION="$(prometheus-alertmanager --version 2>&1 | head -1)"
log "$AM_VERSION"

# ---- 2. the router's executable jar and the bench's classes (alert-router's test sources) ---------------------------
log "building alert-router and the bench (./mvnw install -DskipTests; the bench runs on the module's test class path)"
(cd "$REPO" && ./mvnw -B -q -pl alert-router -am install -DskipTests) >"$WORK/build.log" 2>&1 \
  || { tail -40 "$WORK/build.log" >&2; echo "the build failed; see $WORK/build.log" >&2; exit 1; }
ROUTER_JAR="$(ls "$REPO"/alert-router/target/alert-router-*-exec.jar 2>/dev/null | head -1 || true)"
[ -n "$ROUTER_JAR" ] || { echo "no alert-router exec jar after the build" >&2; exit 1; }

for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$PG_PORT" "$ROUTER_PORT" "$AM_PORT" "$RECEIVER_PORT"; do
  if ss -ltnH "sport = :$port" | grep -q .; then
    echo "port $port is taken; choose another PORT_OFFSET / AM_PORT / RECEIVER_PORT" >&2
    exit 1
  fi
done

rm -rf "$WORK/stack" "$WORK/am-data" "$RESULTS" "$WORK/stack-ready" "$WORK/stack-pids" "$LOGS"
mkdir -p "$RESULTS" "$LOGS"
# the test class path logs through Logback, whose default is DEBUG on the console: the driver's clients log warnings only
cat >"$WORK/logback-warn.xml" <<'EOF_LOGBACK'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
EOF_LOGBACK
# bench <jvm options> <args…>: the bench's main class in a Maven JVM (exec:java), offline: the build above fetched it all
BENCH_GOALS=(-B -q -o -pl alert-router exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.wedops.alert.bench.AlertRouterBench
  -Dexec.cleanupDaemonThreads=false)
bench() {
  (cd "$REPO" && MAVEN_OPTS="$1 -Dlogback.configurationFile=$WORK/logback-warn.xml" ./mvnw "${BENCH_GOALS[@]}" -Dexec.args="${*:2}")
}
DRIVER_OPTS="-Xmx1g"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "alertmanager: $AM_VERSION"
  echo "alert-router jar: $(basename "$ROUTER_JAR") ($(date -u -r "$ROUTER_JAR" +%Y-%m-%dT%H:%M:%SZ)), JVM options: $AR_JVM_OPTS"
  echo "alert-router commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo ?)"
} >"$RESULTS/machine.txt"
cat "$RESULTS/machine.txt"

# ---- 3. equivalent configurations ---------------------------------------------------------------------------------
cat >"$WORK/alertmanager.yml" <<EOF
global:
  resolve_timeout: 1h
route:
  receiver: bench-webhook
  group_by: [alertname, service]
  group_wait: $GROUP_WAIT
  group_interval: $GROUP_INTERVAL
  repeat_interval: $REPEAT_INTERVAL
  routes:
    - matchers: ['severity="CRITICAL"']
      group_wait: $CRITICAL_GROUP_WAIT
receivers:
  - name: bench-webhook
    webhook_configs:
      - url: http://127.0.0.1:$RECEIVER_PORT/am
        send_resolved: true
        max_alerts: 0
EOF
cat >"$WORK/routing.yml" <<EOF
# the WedOps equivalent of alertmanager.yml (same tree, same grouping, one webhook receiver)
route:
  receiver: bench-webhook
  group_by: [alertname, service]
  group_wait: $GROUP_WAIT
  group_interval: $GROUP_INTERVAL
  repeat_interval: $REPEAT_INTERVAL
  routes:
    - matchers: ['severity="CRITICAL"']
      group_wait: $CRITICAL_GROUP_WAIT
receivers:
  - name: bench-webhook
    webhook: {url: "http://127.0.0.1:$RECEIVER_PORT/wedops"}
EOF

# ---- 4. Alertmanager alone ----------------------------------------------------------------------------------------
log "starting Alertmanager on 127.0.0.1:$AM_PORT (clustering off: one instance, like the one alert-router)"
prometheus-alertmanager --config.file="$WORK/alertmanager.yml" --storage.path="$WORK/am-data" \
  --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= --log.level=warn \
  >"$LOGS/alertmanager.log" 2>&1 &
AM_PID=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$AM_PORT/-/ready" >/dev/null 2>&1 && break
  kill -0 "$AM_PID" 2>/dev/null || { cat "$LOGS/alertmanager.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$AM_PORT/-/ready" >/dev/null || { echo "Alertmanager not ready" >&2; exit 1; }
log "feeding Alertmanager"
WATCH_PIDS="alertmanager=$AM_PID" bench "$DRIVER_OPTS" run am "$RESULTS"
stop_pid "$AM_PID" "Alertmanager" 10
AM_PID=""

# ---- 5. WedOps: Kafka + PostgreSQL + the real alert-router ---------------------------------------------------------
log "starting Kafka :$KAFKA_PORT, PostgreSQL :$PG_PORT and the alert-router :$ROUTER_PORT (log: $LOGS/bench-stack.log)"
(cd "$REPO" && WEDOPS_ALERT_ROUTING_FILE="file:$WORK/routing.yml" AR_JVM_OPTS="$AR_JVM_OPTS" BENCH_PG_LOG="${BENCH_PG_LOG:-0}" \
  MAVEN_OPTS="-Xmx256m -Dlogback.configurationFile=$WORK/logback-warn.xml" ./mvnw "${BENCH_GOALS[@]}" \
  -Dexec.args="stack $WORK/stack $PORT_OFFSET $ROUTER_JAR $WORK/routing.yml $WORK/stack-ready") >"$LOGS/bench-stack.log" 2>&1 &
STACK_PID=$!
for _ in $(seq 1 600); do
  # the stack's own JVM, not the shell that started Maven: a SIGTERM to it stops what it started
  [ -f "$WORK/stack/bench-stack.pid" ] && STACK_PID="$(cat "$WORK/stack/bench-stack.pid")"
  [ -f "$WORK/stack-ready" ] && break
  kill -0 "$STACK_PID" 2>/dev/null || { tail -40 "$LOGS/bench-stack.log" >&2; exit 1; }
  sleep 0.5
done
[ -f "$WORK/stack-ready" ] || { echo "the bench stack did not become ready in 300 s" >&2; tail -40 "$LOGS/bench-stack.log" >&2; exit 1; }
grep '^\[bench-stack\]' "$LOGS/bench-stack.log" | grep -v 'alert-router: ' || true
sed -n 's/^pids //p' "$WORK/stack-ready" >"$WORK/stack-pids"
PG_PID="$(head -1 "$WORK/stack/postgres/postmaster.pid")"
read -r ROUTER_PID KAFKA_PID <"$WORK/stack-pids"
log "feeding WedOps"
ROUTER_URL="http://127.0.0.1:$ROUTER_PORT" SCRAPE_TOKEN_FILE="$WORK/stack/scrape-token" WATCH_PIDS="alert-router=$ROUTER_PID kafka=$KAFKA_PID postgres=$PG_PID" \
  bench "$DRIVER_OPTS" run wedops "$RESULTS"
# ---- 5b. the floor: the same stream into the same broker, the router paused, a bare consumer reading ----------------
log "the Kafka hop alone: alert-router paused (SIGSTOP), the same stream through the broker to a bare consumer"
kill -STOP "$ROUTER_PID"
bench "$DRIVER_OPTS" hop "$RESULTS" || log "the Kafka hop measurement failed; the report goes on without it"
kill -CONT "$ROUTER_PID"
stop_pid "$STACK_PID" "bench stack (alert-router, Kafka, PostgreSQL)" 60
STACK_PID=""
cp "$WORK/stack/logs/alert-router.log" "$WORK/stack/logs/postgres.log" "$RESULTS/" 2>/dev/null || true

# ---- 6. side by side ----------------------------------------------------------------------------------------------
echo "load average at end $(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/machine.txt"
echo
cat "$RESULTS/machine.txt"
echo
bench "$DRIVER_OPTS" report "$RESULTS"
log "raw data in $RESULTS"
