#!/bin/sh
# Entry point of the offline Kafka image (wedops/kafka-local): takes the same environment as the apache/kafka image,
# so docker-compose.yml configures both alike. KAFKA_FOO_BAR=v becomes foo.bar=v ('__' stands for '_', '___' for
# '-'); CLUSTER_ID stamps the log directory on the first start (KRaft); KAFKA_HEAP_OPTS and KAFKA_OPTS go to the JVM.
set -eu
config=/opt/kafka/config/server.properties
: >"$config"
env | grep '^KAFKA_' | grep -v -e '^KAFKA_HEAP_OPTS=' -e '^KAFKA_OPTS=' -e '^KAFKA_JVM_PERFORMANCE_OPTS=' \
  | while IFS='=' read -r name value; do
      key=$(printf '%s' "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
      printf '%s=%s\n' "$key" "$value" >>"$config"
    done
grep -q '^log.dirs=' "$config" || echo "log.dirs=/var/lib/kafka/data" >>"$config"
log_dirs=$(sed -n 's/^log\.dirs=//p' "$config")

java_options="${KAFKA_HEAP_OPTS:--Xmx512m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20} ${KAFKA_OPTS:-}"
java_options="$java_options -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.showDateTime=true"

if [ ! -f "${log_dirs%%,*}/meta.properties" ]; then
  : "${CLUSTER_ID:?CLUSTER_ID is needed to format the KRaft log directory on the first start}"
  # shellcheck disable=SC2086
  java $java_options -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format \
    --cluster-id "$CLUSTER_ID" --config "$config" --ignore-formatted
fi
# shellcheck disable=SC2086
exec java $java_options -cp '/opt/kafka/libs/*' kafka.Kafka "$config"
