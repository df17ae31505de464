package org.wedops.apm.models;

import java.time.ZoneOffset;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.wedops.events.ModelObservation;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Model observations, stored once per event id. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ModelObservationStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    /** Answers whether the observation was new. */
    public Mono<Boolean> record(ModelObservation observation) {
        return db.sql("""
                        insert into model_observation (event_id, model_id, model_version, score, predicted_label, actual_label,
                                                       region, segments, observed_at)
                        values (:eventId, :modelId, :modelVersion, :score, :predictedLabel, :actualLabel,
                                :region, :segments::jsonb, :observedAt)
                        on conflict (event_id) do nothing""")
                .bind("eventId", UUID.fromString(observation.getEventId()))
                .bind("modelId", observation.getModelId())
                .bind("modelVersion", observation.getModelVersion())
                .bind("score", observation.getScore())
                .bind("predictedLabel", Parameter.fromOrEmpty(observation.getPredictedLabel(), String.class))
                .bind("actualLabel", Parameter.fromOrEmpty(observation.getActualLabel(), String.class))
                .bind("region", Parameter.fromOrEmpty(observation.getRegion(), String.class))
                .bind("segments", json.writeValueAsString(observation.getSegments()))
                .bind("observedAt", observation.getOccurredAt().atOffset(ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }
}
