package org.wedops.events.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.wedops.events.Alert;
import org.wedops.events.ApmSample;
import org.wedops.events.ApmSampleBatch;
import org.wedops.events.ApmWindow;
import org.wedops.events.ContainerHealthReported;
import org.wedops.events.DeploymentEvent;
import org.wedops.events.ModelObservation;
import org.wedops.events.NotificationOutcome;
import org.wedops.events.ProtectionState;
import org.wedops.events.ScalingDecision;
import org.wedops.events.WeddingCancelled;
import org.wedops.events.WeddingScheduled;

/**
 * Every event schema this artifact knows: the current one of each event type (the generated classes)
 * and every released version kept under {@code schema-history/}. Readers resolve a writer's schema
 * by its 64-bit parsing fingerprint among all of them.
 */
public final class SchemaCatalog {

    /** Class-path index of the history files, written at build time by the compatibility check. */
    public static final String HISTORY_INDEX = "schema-history/INDEX";

    static {
        TrustedPackages.allowEventClasses();
    }

    private static final List<Schema> CURRENT = List.of(
            ContainerHealthReported.getClassSchema(), ApmSample.getClassSchema(), ApmSampleBatch.getClassSchema(), ModelObservation.getClassSchema(),
            ApmWindow.getClassSchema(), WeddingScheduled.getClassSchema(), WeddingCancelled.getClassSchema(),
            ProtectionState.getClassSchema(), ScalingDecision.getClassSchema(), DeploymentEvent.getClassSchema(),
            Alert.getClassSchema(), NotificationOutcome.getClassSchema());

    private static final SchemaCatalog INSTANCE = new SchemaCatalog(CURRENT, loadHistory());

    private final Map<String, Schema> currentByName = new LinkedHashMap<>();
    private final Map<Long, Schema> writersByFingerprint = new LinkedHashMap<>();
    private final Map<String, List<Schema>> historyByName = new LinkedHashMap<>();

    SchemaCatalog(Collection<Schema> current, Collection<Schema> history) {
        for (Schema schema : current) {
            currentByName.put(schema.getFullName(), schema);
            writersByFingerprint.put(fingerprint(schema), schema);
        }
        for (Schema schema : history) {
            historyByName.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>()).add(schema);
            writersByFingerprint.putIfAbsent(fingerprint(schema), schema);
        }
    }

    public static SchemaCatalog get() {
        return INSTANCE;
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    public Collection<Schema> currentSchemas() {
        return currentByName.values();
    }

    /** The schema a reader of this event type decodes into (the generated class's schema). */
    public Optional<Schema> current(String typeName) {
        Schema exact = currentByName.get(typeName);
        if (exact != null) {
            return Optional.of(exact);
        }
        // ce_type may carry the simple name when written by a non-Java emitter
        return currentByName.values().stream().filter(s -> s.getName().equals(typeName)).findFirst();
    }

    public Optional<Schema> writerSchema(long fingerprint) {
        return Optional.ofNullable(writersByFingerprint.get(fingerprint));
    }

    /** Every released version of a type, oldest first; the current schema is not part of it unless released. */
    public List<Schema> history(String fullName) {
        return historyByName.getOrDefault(fullName, List.of());
    }

    @SuppressWarnings("unchecked")
    public static Class<? extends SpecificRecord> recordClass(Schema schema) {
        return (Class<? extends SpecificRecord>) SpecificData.get().getClass(schema);
    }

    private static List<Schema> loadHistory() {
        ClassLoader loader = SchemaCatalog.class.getClassLoader();
        try (InputStream index = loader.getResourceAsStream(HISTORY_INDEX)) {
            if (index == null) {
                return List.of();
            }
            List<Schema> schemas = new ArrayList<>();
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try (InputStream file = loader.getResourceAsStream("schema-history/" + line.strip())) {
                    if (file == null) {
                        throw new IllegalStateException("schema history index names a missing file: " + line);
                    }
                    schemas.add(new Schema.Parser().parse(file));
                }
            }
            return schemas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
