package org.wedops.apm.ingest;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/apm/samples}. Samples stay JSON trees until each is read on its own, so that one
 * malformed sample is rejected with its index instead of failing the whole batch.
 */
public record SampleBatch(List<JsonNode> samples) {
}
