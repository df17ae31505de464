package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SampleEventIdsTest {

    @Test
    void samplesOfOneRequestGetDistinctVersion4UuidsAndAnotherRequestGetsOthers() {
        SampleEventIds first = new SampleEventIds();
        List<UUID> ids = IntStream.range(0, 5000).mapToObj(first::of).map(UUID::fromString).toList();

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(new SampleEventIds().of(0)).isNotIn(ids.stream().map(UUID::toString).toList());
    }

    @Test
    void aBatchIdGivesTheSameVersion5IdsOnEveryAttemptAndAnotherCallerOrBatchIdGetsOthers() {
        SampleEventIds first = SampleEventIds.forBatch("emitter-a", "batch-42");
        SampleEventIds retry = SampleEventIds.forBatch("emitter-a", "batch-42");
        List<UUID> ids = IntStream.range(0, 5000).mapToObj(first::of).map(UUID::fromString).toList();

        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(5);
            assertThat(id.variant()).isEqualTo(2);
        });
        assertThat(IntStream.range(0, 5000).mapToObj(retry::of).toList()).isEqualTo(ids.stream().map(UUID::toString).toList());
        assertThat(retry.ofRecord(0)).isEqualTo(first.ofRecord(0)).isNotIn(ids.stream().map(UUID::toString).toList());
        assertThat(SampleEventIds.forBatch("emitter-b", "batch-42").of(0)).isNotEqualTo(first.of(0));
        assertThat(SampleEventIds.forBatch("emitter-a", "batch-43").of(0)).isNotEqualTo(first.of(0));
    }
}
