package org.wedops.apm.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.util.unit.DataSize;
import org.wedops.apm.aggregation.WindowSettings;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventSerializer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The door's CPU per sample on one thread, without HTTP or a broker: reading the bench's batch body, then validating,
 * keying and capping the samples and encoding their records (the producer is Kafka's MockProducer with the real
 * serializer, sending nowhere). Stable to a few per cent between runs where the end-to-end bench moves by tens, so a
 * change to the door can be judged here first. Run through bench/apm-ingest/door-cost.sh.
 */
public final class DoorCostBench {

    private static final int BATCH = 1000;
    private static final int SERIES = 1000;

    private DoorCostBench() {
    }

    public static void main(String[] args) {
        int rounds = Integer.getInteger("bench.rounds", 5);
        Duration each = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        byte[] body = body(at);
        JsonMapper json = JsonMapper.builder().build();
        SampleBatchReader reader = new SampleBatchReader(json);
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> partitions = java.util.stream.IntStream.range(0, 6)
                .mapToObj(p -> new PartitionInfo(Topics.APM_SAMPLES, p, node, new Node[] {node}, new Node[] {node})).toList();
        Cluster cluster = new Cluster("bench", List.of(node), partitions, java.util.Set.of(), java.util.Set.of());
        @SuppressWarnings({"unchecked", "rawtypes"})
        MockProducer<String, org.apache.avro.specific.SpecificRecord> producer = new MockProducer(cluster, true, null,
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
                new SeriesSettings(1000, 1000, Duration.ofHours(1)), windows, Clock.fixed(at, java.time.ZoneOffset.UTC));
        System.out.printf("body of %d samples, %d bytes%n", BATCH, body.length);
        for (int round = 0; round < rounds; round++) {
            long readNs = 0;
            long ingestNs = 0;
            long samples = 0;
            long until = System.nanoTime() + each.toNanos();
            while (System.nanoTime() < until) {
                long start = System.nanoTime();
                SampleBatchReader.ReadBatch batch = reader.read(body, 5000);
                long read = System.nanoTime();
                IngestResult result = ingest.ingest(batch.samples()).block();
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

    /** The end-to-end bench's body (ApmIngestLoadBench): 1,000 samples over 1,000 series. */
    private static byte[] body(Instant at) {
        StringBuilder body = new StringBuilder(BATCH * 260).append("{\"samples\":[");
        for (int i = 0; i < BATCH; i++) {
            int series = i % SERIES;
            body.append(i == 0 ? "" : ",").append("{\"kind\":\"HTTP\",\"service\":\"svc-").append(series % 100).append("\",\"operation\":\"op-")
                    .append(series / 100).append("\",\"provider\":\"stripe\",\"region\":\"uk\",\"environment\":\"prod\",\"timestamp\":\"")
                    .append(at).append("\",\"durationMs\":").append((double) (20 + (i * 37 % 400))).append(",\"success\":").append(series % 50 != 0)
                    .append(",\"statusCode\":200,\"attributes\":{\"route\":\"/api/bookings/{id}\"}}");
        }
        return body.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }
}
