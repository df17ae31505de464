package org.wedops.apm.errors;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.events.ApmSample;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Error groups and the offsets they were counted up to, written in one transaction: a batch delivered again after a
 * crash (its offsets were not yet committed to Kafka) finds its records already counted and skips them.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ErrorGroupStore {

    static final String CONSUMER = "apm-error-groups";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final JsonMapper json;

    /** One consumed record: its place on the topic, and the failed samples it carried. */
    record Consumed(String topic, int partition, long offset, List<ApmSample> samples) {
    }

    public record ErrorGroup(String fingerprint, String kind, String service, String operation, String errorType, long count,
                             Instant firstSeen, Instant lastSeen, Integer lastStatus) {
    }

    /** Counts the failed samples of a batch not counted before, and remembers how far each partition was counted. */
    Mono<Void> count(List<Consumed> batch) {
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        String topic = batch.get(0).topic();
        return countedUpTo(topic)
                .flatMap(counted -> {
                    List<ApmSample> fresh = batch.stream()
                            .filter(record -> record.offset() >= counted.getOrDefault(record.partition(), 0L))
                            .flatMap(record -> record.samples().stream()).toList();
                    Map<Integer, Long> next = new HashMap<>();
                    batch.forEach(record -> next.merge(record.partition(), record.offset() + 1, Math::max));
                    return upsert(ErrorGroupCounts.of(fresh)).then(remember(topic, next));
                })
                .as(transaction::transactional);
    }

    public Flux<ErrorGroup> recent(String service, String kind, Instant since, int limit) {
        return db.sql("""
                        select fingerprint, kind, service, operation, error_type, count, first_seen, last_seen, last_status
                        from apm_error_group
                        where last_seen >= :since and (cast(:service as text) is null or service = :service)
                          and (cast(:kind as text) is null or kind = :kind)
                        order by last_seen desc
                        limit :limit""")
                .bind("since", since.atOffset(ZoneOffset.UTC)).bind("service", Parameter.fromOrEmpty(service, String.class))
                .bind("kind", Parameter.fromOrEmpty(kind, String.class)).bind("limit", limit)
                .map((row, meta) -> new ErrorGroup(row.get("fingerprint", String.class), row.get("kind", String.class),
                        row.get("service", String.class), row.get("operation", String.class), row.get("error_type", String.class),
                        row.get("count", Long.class), row.get("first_seen", OffsetDateTime.class).toInstant(),
                        row.get("last_seen", OffsetDateTime.class).toInstant(), row.get("last_status", Integer.class)))
                .all();
    }

    private Mono<Map<Integer, Long>> countedUpTo(String topic) {
        return db.sql("select partition, next_offset from apm_consumed_offset where consumer = :consumer and topic = :topic for update")
                .bind("consumer", CONSUMER).bind("topic", topic)
                .map((row, meta) -> Map.entry(row.get("partition", Integer.class), row.get("next_offset", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<Void> upsert(Collection<ErrorGroupCounts.Count> counts) {
        if (counts.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        insert into apm_error_group (fingerprint, kind, service, operation, error_type, count, first_seen, last_seen, last_status)
                        select fingerprint, kind, service, operation, error_type, count, first_seen, last_seen, last_status
                        from jsonb_to_recordset(:rows) as r(fingerprint text, kind text, service text, operation text, error_type text,
                             count bigint, first_seen timestamptz, last_seen timestamptz, last_status integer)
                        on conflict (fingerprint) do update set count = apm_error_group.count + excluded.count,
                          first_seen = least(apm_error_group.first_seen, excluded.first_seen),
                          service = case when excluded.last_seen > apm_error_group.last_seen then excluded.service else apm_error_group.service end,
                          last_status = case when excluded.last_seen > apm_error_group.last_seen then excluded.last_status else apm_error_group.last_status end,
                          last_seen = greatest(apm_error_group.last_seen, excluded.last_seen)""")
                .bind("rows", Json.of(json.writeValueAsString(counts.stream().map(ErrorGroupStore::row).toList())))
                .fetch().rowsUpdated().then();
    }

    private static Map<String, Object> row(ErrorGroupCounts.Count count) {
        Map<String, Object> row = new HashMap<>();
        row.put("fingerprint", count.fingerprint());
        row.put("kind", count.kind());
        row.put("service", count.service());
        row.put("operation", count.operation());
        row.put("error_type", count.errorType());
        row.put("count", count.count());
        row.put("first_seen", count.firstSeen().toString());
        row.put("last_seen", count.lastSeen().toString());
        row.put("last_status", count.lastStatus());
        return row;
    }

    private Mono<Void> remember(String topic, Map<Integer, Long> next) {
        return Flux.fromIterable(next.entrySet())
                .concatMap(partition -> db.sql("""
                                insert into apm_consumed_offset (consumer, topic, partition, next_offset) values (:consumer, :topic, :partition, :next)
                                on conflict (consumer, topic, partition) do update
                                  set next_offset = greatest(apm_consumed_offset.next_offset, excluded.next_offset)""")
                        .bind("consumer", CONSUMER).bind("topic", topic).bind("partition", partition.getKey()).bind("next", partition.getValue())
                        .fetch().rowsUpdated())
                .then();
    }
}
