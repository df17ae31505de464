#!/bin/sh
# The offline Kafka image's command-line tools, under the apache/kafka image's names (/opt/kafka/bin/*.sh), so that
# the compose health check and the proof's consumer run the same commands on both images.
set -eu
case "$(basename "$0")" in
  kafka-broker-api-versions.sh) main=org.apache.kafka.tools.BrokerApiVersionsCommand ;;
  kafka-console-consumer.sh) main=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  kafka-topics.sh) main=org.apache.kafka.tools.TopicCommand ;;
  kafka-get-offsets.sh) main=org.apache.kafka.tools.GetOffsetShell ;;
  kafka-consumer-groups.sh) main=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  *) echo "unknown tool $(basename "$0")" >&2; exit 2 ;;
esac
# a short-lived client: small heap, C1 only, no GC threads, quiet logging
exec java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp '/opt/kafka/libs/*' "$main" "$@"
