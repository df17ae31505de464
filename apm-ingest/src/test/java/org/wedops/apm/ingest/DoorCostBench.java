package org.wedops.apm.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.avro.specific.SpecificRecord;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.util.unit.DataSize;
import org.wedops.apm.aggregation.WindowSettings;
import org.wedops.apm.bench.ApmIngestLoadBench;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventSerializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The door's CPU per sample on one thread, without HTTP or a broker: reading the bench's batch body, then validating,
 * keying and capping the samples and encoding their records (the producer is Kafka's MockProducer with the real
 * serializer, sending nowhere), so a change to the door can be judged without the broker and the posters sharing its
 * cores. Run through bench/apm-ingest/door-cost.sh.
 */
public final class DoorCostBench {

    /** Far longer than a batch takes here: a hung hand-off ends the bench instead of holding it. */
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private DoorCostBench() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("bench.rounds", 5);
        Duration each = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] body = ApmIngestLoadBench.batchBody(at);
        JsonMapper json = JsonMapper.builder().build();
        SampleBatchReader reader = new SampleBatchReader(json);
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> partitions = IntStream.range(0, 6)
                .mapToObj(p -> new PartitionInfo(Topics.APM_SAMPLES, p, node, new Node[] {node}, new Node[] {node})).toList();
        Cluster cluster = new Cluster("bench", List.of(node), partitions, Set.of(), Set.of());
        @SuppressWarnings({"unchecked", "rawtypes"})
        MockProducer<String, SpecificRecord> producer = new MockProducer(cluster, true, null,
                new StringSerializer(), new AvroEventSerializer()) {
            @Override
            public void close(Duration timeout) {
                // the template closes its producer after every send; this one lives for the whole bench
            }
        };
        WindowSettings windows = new WindowSettings(Duration.ofSeconds(30), "w", "/tmp/w", Duration.ofSeconds(1), 1, Duration.ofSeconds(30),
                Duration.ofHours(24), 256, Duration.ofSeconds(10), Duration.ofSeconds(5));
        SampleIngest ingest = new SampleIngest(new MockProducerFactory<>(() -> producer),
                new DoorSettings(5000, DataSize.ofMegabytes(5), Duration.ofSeconds(10), Duration.ofHours(24), LabelLimits.defaults()),
                new SeriesSettings(1000, 1000, Duration.ofHours(1)), windows, Clock.fixed(at, ZoneOffset.UTC));
        System.out.printf("the end-to-end bench's batch body, %d bytes%n", body.length);
        for (int round = 0; round < rounds; round++) {
            long readNs = 0;
            long ingestNs = 0;
            long samples = 0;
            long until = System.nanoTime() + each.toNanos();
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                SampleBatchReader.ReadBatch batch = reader.read(body, 5000);
                long read = System.nanoTime();
                IngestResult result = ingest.ingest(batch.samples()).block(BATCH_TIMEOUT);
                long done = System.nanoTime();
                readNs += read - start;
                ingestNs += done - read;
                samples += result.accepted();
                producer.clear();
            }
            System.out.printf("round %d: read %.0f ns/sample, ingest (validate, key, cap, encode, send) %.0f ns/sample, total %.0f ns/sample%n",
                    round + 1, (double) readNs / samples, (double) ingestNs / samples, (double) (readNs + ingestNs) / samples);
        }
    }
}
