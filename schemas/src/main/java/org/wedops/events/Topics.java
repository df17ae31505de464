package org.wedops.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.avro.Schema;

/**
 * Every WedOps topic, with the event types it carries. Names follow {@code ops.<domain>.v<major>};
 * a breaking change is a new major version, never an edit.
 */
public final class Topics {

    public static final String HEALTH = "ops.health.v1";
    /**
     * {@code ApmSample}s keyed by series, as external emitters write them, and the {@code ApmSampleBatch}es of
     * apm-ingest's HTTP intake (samples of one partition in one record, no key), told apart by schema fingerprint.
     */
    public static final String APM_SAMPLES = "ops.apm.samples.v1";
    public static final String APM_MODELS = "ops.apm.models.v1";
    public static final String APM_WINDOWS = "ops.apm.windows.v1";
    public static final String WEDDINGS = "ops.weddings.v1";
    public static final String PROTECTION = "ops.protection.v1";
    public static final String SCALING = "ops.scaling.v1";
    public static final String DEPLOYMENTS = "ops.deployments.v1";
    public static final String ALERTS = "ops.alerts.v1";
    public static final String NOTIFICATIONS = "ops.notifications.v1";

    /** Suffix of the dead-letter topic that receives a topic's undecodable or unprocessable records. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    /**
     * One topic of the table in DESIGN.md.
     *
     * @param name      topic name
     * @param compacted whether only the latest value per key is kept
     * @param ingress   whether external emitters may write to it, so it also accepts Avro-JSON bodies
     * @param types     schemas of the values it carries
     */
    public record TopicSpec(String name, boolean compacted, boolean ingress, List<Schema> types) {

        public String deadLetterTopic() {
            return deadLetterOf(name);
        }

        /** The single value type, when the topic carries exactly one. */
        public Optional<Schema> onlyType() {
            return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
        }
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(HEALTH, false, false, List.of(ContainerHealthReported.getClassSchema())),
            new TopicSpec(APM_SAMPLES, false, true, List.of(ApmSample.getClassSchema())),
            new TopicSpec(APM_MODELS, false, true, List.of(ModelObservation.getClassSchema())),
            new TopicSpec(APM_WINDOWS, false, false, List.of(ApmWindow.getClassSchema())),
            new TopicSpec(WEDDINGS, false, true,
                    List.of(WeddingScheduled.getClassSchema(), WeddingCancelled.getClassSchema())),
            new TopicSpec(PROTECTION, true, false, List.of(ProtectionState.getClassSchema())),
            new TopicSpec(SCALING, false, false, List.of(ScalingDecision.getClassSchema())),
            new TopicSpec(DEPLOYMENTS, false, false, List.of(DeploymentEvent.getClassSchema())),
            new TopicSpec(ALERTS, false, false, List.of(Alert.getClassSchema())),
            new TopicSpec(NOTIFICATIONS, false, false, List.of(NotificationOutcome.getClassSchema())));

    private static final Map<String, TopicSpec> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TopicSpec::name, Function.identity()));

    private Topics() {
    }

    public static Optional<TopicSpec> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
