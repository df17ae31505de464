package org.wedops.apm.models;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.wedops.apm.models.ModelReport.Accuracy;

import reactor.core.publisher.Mono;

/** Reads a model's observations of a span and its reference span and judges them. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ModelReports {

    private final DatabaseClient db;
    private final ModelMonitoringProperties settings;
    private final Clock clock;

    /** The report for the span of the configured length ending now; empty when the model was never observed. */
    public Mono<ModelReport> of(String modelId, ReferenceWindow reference) {
        Instant now = clock.instant();
        ReferenceWindow.Span window = new ReferenceWindow.Span(now.minus(settings.window()), now);
        ReferenceWindow.Span referenceWindow = reference.of(window);
        return known(modelId).filter(Boolean::booleanValue).flatMap(known -> Mono.zip(
                        scores(modelId, referenceWindow), scores(modelId, window), accuracy(modelId, window), segments(modelId, window))
                .map(read -> new ModelReport(modelId, window, reference, referenceWindow,
                        judgement().drift(read.getT1(), read.getT2()), read.getT3(), judgement().segments(read.getT4()))));
    }

    /** Models observed within the current window, the ones worth judging. */
    public Mono<List<String>> recentlyObserved() {
        return db.sql("select distinct model_id from model_observation where observed_at >= :since")
                .bind("since", clock.instant().minus(settings.window()).atOffset(ZoneOffset.UTC))
                .map((row, meta) -> row.get(0, String.class)).all().collectList();
    }

    /**
     * Models observed in [{@code since}, {@code until}), the most recently observed first, at most {@code limit}, each
     * with the time of its last observation in that span.
     */
    public Mono<List<ObservedModel>> observedSince(Instant since, Instant until, int limit) {
        return db.sql("""
                        select model_id, max(observed_at) as last_observed_at from model_observation
                        where observed_at >= :since and observed_at < :until
                        group by model_id
                        order by last_observed_at desc, model_id
                        limit :limit""")
                .bind("since", since.atOffset(ZoneOffset.UTC)).bind("until", until.atOffset(ZoneOffset.UTC)).bind("limit", limit)
                .map((row, meta) -> new ObservedModel(row.get("model_id", String.class),
                        row.get("last_observed_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    /** A model and the time of its last observation. */
    public record ObservedModel(String modelId, Instant lastObservedAt) {
    }

    private Mono<Boolean> known(String modelId) {
        return db.sql("select exists (select 1 from model_observation where model_id = :model)").bind("model", modelId)
                .map((row, meta) -> row.get(0, Boolean.class)).one();
    }

    private Mono<double[]> scores(String modelId, ReferenceWindow.Span span) {
        return db.sql("""
                        select score from model_observation
                        where model_id = :model and observed_at >= :from and observed_at < :to
                        limit :limit""")
                .bind("model", modelId).bind("from", span.from().atOffset(ZoneOffset.UTC)).bind("to", span.to().atOffset(ZoneOffset.UTC))
                .bind("limit", settings.maxScoresRead())
                .map((row, meta) -> row.get(0, Double.class)).all()
                .collectList()
                .map(scores -> scores.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Mono<Accuracy> accuracy(String modelId, ReferenceWindow.Span span) {
        return db.sql("""
                        select count(*) as labelled, count(*) filter (where predicted_label = actual_label) as correct
                        from model_observation
                        where model_id = :model and observed_at >= :from and observed_at < :to and actual_label is not null""")
                .bind("model", modelId).bind("from", span.from().atOffset(ZoneOffset.UTC)).bind("to", span.to().atOffset(ZoneOffset.UTC))
                .map((row, meta) -> judgement().accuracy(row.get("labelled", Long.class), row.get("correct", Long.class)))
                .one();
    }

    /** Labelled and correct observations per segment and value; the region counts as a segment too. */
    private Mono<Map<String, Map<String, long[]>>> segments(String modelId, ReferenceWindow.Span span) {
        return db.sql("""
                        select segment.key as segment, segment.value as value, count(*) as labelled,
                               count(*) filter (where predicted_label = actual_label) as correct
                        from model_observation,
                             jsonb_each_text(segments || case when region is null then '{}'::jsonb else jsonb_build_object('region', region) end) as segment
                        where model_id = :model and observed_at >= :from and observed_at < :to and actual_label is not null
                        group by segment.key, segment.value""")
                .bind("model", modelId).bind("from", span.from().atOffset(ZoneOffset.UTC)).bind("to", span.to().atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new SegmentCount(row.get("segment", String.class), row.get("value", String.class),
                        row.get("labelled", Long.class), row.get("correct", Long.class)))
                .all()
                .collect(HashMap::new, (Map<String, Map<String, long[]>> counts, SegmentCount count) -> counts
                        .computeIfAbsent(count.segment(), segment -> new HashMap<>()).put(count.value(), new long[] {count.labelled(), count.correct()}));
    }

    private record SegmentCount(String segment, String value, long labelled, long correct) {
    }

    private ModelJudgement judgement() {
        return new ModelJudgement(settings);
    }
}
