package org.wedops.apm.ingest;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/apm/samples} as trees, for a batch with a sample that cannot be read: each is then read
 * on its own, so that one malformed sample is rejected with its index instead of failing the whole batch.
 */
record SampleBatch(String batchId, List<JsonNode> samples) {
}
