package org.wedops.alert.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wedops.alert.bench.AlertStream.Ev;
import org.wedops.alert.bench.AlertStream.Fp;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventSerializer;

/**
 * The WedOps alert-router through its topic: each event is produced to ops.alerts.v1 as a service would (the
 * project's producer defaults); accepted means acknowledged by the broker, processed means the router's consumer
 * group committed past it. The lag is sampled every 250 ms.
 */
final class WedopsTarget implements Target {

    static final String GROUP = "alert-router-intake";

    final Recording recording;
    final String routerUrl = BenchEnvironment.text("ROUTER_URL", "http://127.0.0.1:8485");
    final RouterDatabase database = new RouterDatabase(BenchEnvironment.text("PG_URL", "jdbc:postgresql://127.0.0.1:5833/alert_router"));
    final String[] eventIds;
    final List<long[]> lagTimeline = Collections.synchronizedList(new ArrayList<>());
    final KafkaHopProbe probe;
    long commitsAtSteady = -1;
    Map<String, Double> metricsAtSteady = Map.of();

    private final KafkaProducer<String, Object> producer;
    private final Admin admin;
    private final AtomicLongArray produced = new AtomicLongArray(64);
    private final AtomicLong acked = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private long sent;

    WedopsTarget(Recording recording) throws Exception {
        this(recording, 5);
    }

    WedopsTarget(Recording recording, int lingerMs) throws Exception {
        this.recording = recording;
        this.eventIds = new String[recording.totalEvents];
        String bootstrap = BenchEnvironment.text("KAFKA_BOOTSTRAP", "127.0.0.1:9492");
        Properties p = new Properties();
        // the project's producer defaults (service-support's application defaults)
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroEventSerializer.class.getName());
        p.put(AvroEventSerializer.SOURCE_CONFIG, "wedops/alert-bench");
        producer = new KafkaProducer<>(p);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        sampler.scheduleAtFixedRate(() -> {
            try {
                long committed = committed();
                lagTimeline.add(new long[] {BenchClock.nowMicros(), producedTotal() - committed, committed});
            } catch (Exception e) {
                // a missed sample
            }
        }, 0, 250, TimeUnit.MILLISECONDS);
        probe = new KafkaHopProbe(bootstrap, recording.totalEvents);
    }

    long producedTotal() {
        long total = 0;
        for (int i = 0; i < produced.length(); i++) {
            total += produced.get(i);
        }
        return total;
    }

    long committed() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                .get(5, TimeUnit.SECONDS);
        long total = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (e.getKey().topic().equals(Topics.ALERTS) && e.getValue() != null) {
                total += e.getValue().offset();
            }
        }
        return total;
    }

    @Override
    public void send(List<Ev> batch) {
        for (Ev e : batch) {
            long now = BenchClock.nowMicros();
            recording.sent(e, now);
            Fp fp = e.fp();
            String eventId = UUID.randomUUID().toString();
            eventIds[e.index()] = eventId;
            probe.expect(eventId, e.index());
            Alert alert = Alert.newBuilder()
                    .setEventId(eventId)
                    .setOccurredAt(BenchClock.instant(now))
                    .setFingerprint(fp.id())
                    .setName(fp.alertname())
                    .setStatus(AlertStatus.FIRING)
                    .setSeverity(Severity.valueOf(fp.severity()))
                    .setService(fp.service())
                    .setRegion("uk")
                    .setSummary(fp.alertname() + " on " + fp.service())
                    .setSource("alert-bench")
                    .setProfile(ThresholdProfile.STANDARD)
                    .setStartsAt(BenchClock.instant(recording.startOf(e)))
                    .setLabels(Map.of("instance", fp.instance(), "bench_fp", fp.id()))
                    .build();
            int index = e.index();
            sent++;
            producer.send(new ProducerRecord<>(Topics.ALERTS, fp.id(), alert), (metadata, exception) -> {
                if (exception != null) {
                    recording.errors.incrementAndGet();
                    return;
                }
                recording.ackMicros[index] = BenchClock.nowMicros();
                acked.incrementAndGet();
                produced.accumulateAndGet(metadata.partition(), metadata.offset() + 1, Math::max);
            });
        }
    }

    @Override
    public boolean backlogEmpty() throws Exception {
        return acked.get() + recording.errors.get() == sent && committed() >= producedTotal();
    }

    @Override
    public String progress() throws Exception {
        long committed = committed();
        return String.format("Kafka acked %,d, router processed %,d (lag %,d), %d notifications", acked.get(), committed,
                producedTotal() - committed, recording.received.size());
    }

    @Override
    public void flush() {
        producer.flush();
    }

    /** The run is past its warm-up: what the router's database and metrics say now is the measurement's zero. */
    void steadyStarts() {
        commitsAtSteady = database.transactionsCommitted();
        metricsAtSteady = RouterMetrics.scrape(routerUrl, null);
    }

    @Override
    public void finish(Map<String, Object> out, Analysis analysis) throws Exception {
        new RouterFindings(this).addTo(out, analysis);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
