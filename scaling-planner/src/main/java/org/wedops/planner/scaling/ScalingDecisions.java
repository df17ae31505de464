package org.wedops.planner.scaling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.events.ProtectionLevel;
import org.wedops.events.ScalingDecision;
import org.wedops.events.Topics;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.support.kafka.EventPublisher;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries a decision out: applies it (unless dry run), keeps it in the {@code scaling_decision} audit with its
 * inputs and outcome, and publishes it on ops.scaling.v1 ({@code applied} false in dry run or when the cluster
 * refused it).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ScalingDecisions {

    private static final Logger log = LoggerFactory.getLogger(ScalingDecisions.class);

    public record Recorded(UUID id, Instant decidedAt, String service, String region, int fromReplicas, int toReplicas, String level,
                           String reason, String decidedBy, boolean applied, String outcome) {
    }

    private final ReplicaTarget target;
    private final EventPublisher publisher;
    private final DatabaseClient db;

    public Mono<ScalingDecision> execute(ManagedService service, int from, int to, ProtectionLevel level, String reason,
                                         Map<String, String> inputs, String decidedBy, Instant now) {
        Mono<String> outcome = target.applies()
                ? target.apply(service, to).thenReturn("APPLIED")
                        .onErrorResume(e -> {
                            log.warn("Scaling {} to {} failed: {}", service.name(), to, e.toString());
                            return Mono.just("FAILED: " + e.getMessage());
                        })
                : Mono.just("DRY_RUN");
        return outcome.flatMap(result -> {
            boolean applied = "APPLIED".equals(result);
            Map<String, String> recorded = new TreeMap<>(inputs);
            recorded.put("decidedBy", decidedBy);
            recorded.put("outcome", result);
            ScalingDecision decision = ScalingDecision.newBuilder()
                    .setEventId(UUID.randomUUID().toString()).setOccurredAt(now)
                    .setService(service.name()).setRegion(service.region())
                    .setFromReplicas(from).setToReplicas(to).setLevel(level).setReason(reason)
                    .setApplied(applied).setInputs(recorded)
                    .build();
            return db.sql("""
                            insert into scaling_decision (id, decided_at, service, region, from_replicas, to_replicas, level, reason, inputs,
                                                          decided_by, applied, outcome)
                            values (:id, :at, :service, :region, :from, :to, :level, :reason, :inputs::jsonb, :by, :applied, :outcome)""")
                    .bind("id", UUID.fromString(decision.getEventId())).bind("at", now.atOffset(ZoneOffset.UTC))
                    .bind("service", service.name()).bind("region", service.region()).bind("from", from).bind("to", to)
                    .bind("level", level.name()).bind("reason", reason).bind("inputs", json(recorded)).bind("by", decidedBy)
                    .bind("applied", applied).bind("outcome", result)
                    .fetch().rowsUpdated()
                    .then(publisher.publish(Topics.SCALING, service.name(), decision))
                    .doOnSuccess(sent -> log.info("Scaling {} ({}): {} -> {} [{}] {}", service.name(), service.region(), from, to, result, reason))
                    .thenReturn(decision);
        });
    }

    /** The latest decisions, newest first. */
    public Flux<Recorded> latest(String service, int limit) {
        return db.sql("""
                        select * from scaling_decision where (:service::text is null or service = :service)
                        order by decided_at desc limit :limit""")
                .bind("service", Parameter.fromOrEmpty(service, String.class)).bind("limit", limit)
                .map((row, meta) -> new Recorded(row.get("id", UUID.class), row.get("decided_at", OffsetDateTime.class).toInstant(),
                        row.get("service", String.class), row.get("region", String.class), row.get("from_replicas", Integer.class),
                        row.get("to_replicas", Integer.class), row.get("level", String.class), row.get("reason", String.class),
                        row.get("decided_by", String.class), Boolean.TRUE.equals(row.get("applied", Boolean.class)),
                        row.get("outcome", String.class)))
                .all();
    }

    private static String json(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(key)).append(':').append(quote(value));
        });
        return json.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : String.valueOf(text).toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
