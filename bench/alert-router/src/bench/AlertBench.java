package bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wedops.events.Alert;
import org.wedops.events.AlertStatus;
import org.wedops.events.Severity;
import org.wedops.events.ThresholdProfile;
import org.wedops.events.Topics;
import org.wedops.events.serde.AvroEventDeserializer;
import org.wedops.events.serde.AvroEventSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;

import bench.AlertStream.Ev;
import bench.AlertStream.Fp;
import bench.AlertStream.Phase;

/**
 * The load generator, the recording webhook receiver and the analysis, for one system per run:
 * {@code AlertBench run am|wedops <results-dir>}; then {@code AlertBench report <results-dir>} prints both side by side.
 * Every time is taken from one clock in this JVM (send times and webhook arrivals), as epoch microseconds.
 */
public final class AlertBench {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final long BASE_NANOS = System.nanoTime();
    static final long BASE_MICROS = Instant.now().toEpochMilli() * 1000;

    static long nowMicros() {
        return BASE_MICROS + (System.nanoTime() - BASE_NANOS) / 1000;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int envInt(String name, int fallback) {
        return Integer.parseInt(env(name, String.valueOf(fallback)));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("report")) {
            Report.print(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("hop")) {
            new AlertBench("hop", Path.of(args[1])).runKafkaHopAlone();
            return;
        }
        if (args.length != 3 || !args[0].equals("run") || !(args[1].equals("am") || args[1].equals("wedops"))) {
            System.err.println("usage: AlertBench run am|wedops <results-dir> | AlertBench hop <results-dir> | AlertBench report <results-dir>");
            System.exit(2);
        }
        new AlertBench(args[1], Path.of(args[2])).run();
    }

    // ---------------------------------------------------------------------------------------------------------------

    final String system;
    final Path results;
    final int receiverPort = envInt("RECEIVER_PORT", 8491);
    final long groupIntervalMs = envInt("GROUP_INTERVAL_MS", 5000);
    final long quietMs = envInt("QUIET_MS", (int) (2 * groupIntervalMs + 2000));
    final long drainCapMs = envInt("DRAIN_CAP_S", 1200) * 1000L;
    final AlertStream stream = new AlertStream(envInt("WARMUP_EVENTS", 2000), envInt("STEADY_EVENTS", 10_000), envInt("STEADY_RATE", 500),
            envInt("STORM_EVENTS", 50_000), envInt("STORM_RATE", 5000), 42);
    final int totalEvents;
    final long[] sendMicros;
    final long[] ackMicros;
    final Map<String, Long> fpStart = new HashMap<>();
    final AtomicLong errors = new AtomicLong();
    final ConcurrentLinkedQueue<long[]> arrivalTimes = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Object[]> received = new ConcurrentLinkedQueue<>();
    final AtomicLong lastArrival = new AtomicLong();
    final Map<String, Long> marks = new LinkedHashMap<>();
    Target target;

    AlertBench(String system, Path results) {
        this.system = system;
        this.results = results;
        this.totalEvents = stream.warmup.events().size() + stream.steady.events().size() + stream.storm.events().size();
        this.sendMicros = new long[totalEvents];
        this.ackMicros = new long[totalEvents];
    }

    interface Target extends AutoCloseable {
        /** Sends a batch; sets sendMicros (and later ackMicros) of each event. */
        void send(List<Ev> batch) throws Exception;

        /** Nothing accepted is still waiting to be processed. */
        boolean backlogEmpty() throws Exception;

        String progress() throws Exception;

        void flush() throws Exception;

        /** Adds what only this system can tell (WedOps: its database) to the results. */
        void finish(Map<String, Object> out, Analysis analysis) throws Exception;
    }

    void run() throws Exception {
        Files.createDirectories(results);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 256);
        receiver.createContext("/" + system, exchange -> {
            long arrival = nowMicros();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            lastArrival.set(arrival);
            received.add(new Object[] {arrival, new String(body, StandardCharsets.UTF_8)});
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        log("webhook receiver on http://127.0.0.1:" + receiverPort + "/" + system);
        target = system.equals("am") ? new AlertmanagerTarget() : new WedopsTarget();
        try {
            mark("warmupStart");
            feed(stream.warmup);
            target.flush();
            settle("warm-up", 40, Duration.ofSeconds(3), Duration.ofSeconds(240));
            if (target instanceof WedopsTarget wedops) {
                wedops.commitsAtSteady = wedops.xactCommits();
                wedops.metricsAtSteady = RouterMetrics.scrape(wedops.routerUrl, null);
            }
            mark("steadyStart");
            feed(stream.steady);
            mark("stormStart");
            feed(stream.storm);
            mark("stormEnd");
            target.flush();
            drain();
            mark("drained");
            Analysis analysis = new Analysis(this);
            Map<String, Object> out = analysis.metrics();
            out.put("cpu", CpuUse.between(cpu.get("steadyStart"), cpu.get("drained"), marks.get("drained") - marks.get("steadyStart")));
            target.finish(out, analysis);
            Files.writeString(results.resolve(system + ".json"), JSON.writeValueAsString(out));
            writeRaw();
            log("results in " + results.resolve(system + ".json"));
        } finally {
            target.close();
            receiver.stop(0);
            ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
        }
    }

    /**
     * The same stream into the same broker with the router paused (run.sh stops it with SIGSTOP) and only the bare
     * consumer reading: the Kafka hop at its best on this machine, the floor under any design that reads ops.alerts.v1.
     */
    void runKafkaHopAlone() throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        // as the router's feeders produce (the project's linger.ms=5), then with no linger at all: the best case
        for (int linger : new int[] {5, 0}) {
            WedopsTarget kafka = new WedopsTarget(linger);
            target = kafka;
            try {
                log("Kafka hop alone, producer linger.ms=" + linger);
                feed(stream.warmup);
                feed(stream.steady);
                feed(stream.storm);
                target.flush();
                kafka.allProbed.await(30, java.util.concurrent.TimeUnit.SECONDS);
                out.put(linger == 5 ? "kafka_hop_alone" : "kafka_hop_alone_linger0", kafka.kafkaHop());
                log("  " + (totalEvents - kafka.allProbed.getCount()) + " of " + totalEvents + " received by the bare consumer");
            } finally {
                target.close();
            }
        }
        Files.writeString(results.resolve("kafka-hop.json"), JSON.writeValueAsString(out));
        log("results in " + results.resolve("kafka-hop.json"));
    }

    void mark(String name) {
        marks.put(name, nowMicros());
        cpu.put(name, CpuUse.snapshot());
    }

    final Map<String, Map<String, Long>> cpu = new LinkedHashMap<>();

    /** Paces the phase on a 10 ms tick: at each tick every event that is due goes out, as one batch. */
    void feed(Phase phase) throws Exception {
        log(String.format("feeding %s: %,d events at %,.0f/s", phase.name(), phase.events().size(), phase.rate()));
        List<Ev> events = phase.events();
        long start = System.nanoTime();
        long tick = 10_000_000L;
        int next = 0;
        long lastProgress = start;
        while (next < events.size()) {
            long elapsed = System.nanoTime() - start;
            int end = next;
            while (end < events.size() && events.get(end).atNanos() <= elapsed) {
                end++;
            }
            if (end > next) {
                target.send(events.subList(next, end));
                next = end;
            }
            if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                lastProgress = System.nanoTime();
                log(String.format("  %s: %,d/%,d sent; %s", phase.name(), next, events.size(), target.progress()));
            }
            long sinceStart = System.nanoTime() - start;
            long wait = tick - (sinceStart % tick);
            LockSupport.parkNanos(wait);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log(String.format("  %s fed in %.2f s (%,.0f/s offered and sent)", phase.name(), seconds, events.size() / seconds));
    }

    /** Waits until the warm-up's groups were all notified, nothing is pending and the receiver has been quiet a while. */
    void settle(String what, int groups, Duration quiet, Duration cap) throws Exception {
        long deadline = System.nanoTime() + cap.toNanos();
        while (System.nanoTime() < deadline) {
            boolean allNotified = received.size() >= groups;
            boolean quietEnough = nowMicros() - lastArrival.get() > quiet.toMillis() * 1000;
            if (allNotified && quietEnough && target.backlogEmpty()) {
                log("  " + what + " settled: " + received.size() + " notifications");
                return;
            }
            Thread.sleep(250);
        }
        log("  " + what + " did not settle within " + cap.toSeconds() + " s; going on (" + received.size() + " notifications)");
    }

    /** After the storm: until the backlog is empty and no notification arrived for quietMs (at most drainCapMs). */
    void drain() throws Exception {
        long stormEnd = marks.get("stormEnd");
        long lastProgress = System.nanoTime();
        while (true) {
            long now = nowMicros();
            boolean quiet = now - lastArrival.get() > quietMs * 1000 && now - stormEnd > quietMs * 1000;
            if (quiet && target.backlogEmpty()) {
                log(String.format("  drained %.1f s after the storm's end", (now - stormEnd) / 1e6));
                return;
            }
            if (now - stormEnd > drainCapMs * 1000) {
                log("  NOT drained " + drainCapMs / 1000 + " s after the storm's end; measuring what arrived (" + target.progress() + ")");
                marks.put("drainCapHit", now);
                return;
            }
            if (System.nanoTime() - lastProgress > 10_000_000_000L) {
                lastProgress = System.nanoTime();
                log(String.format("  draining, %.0f s after the storm: %d notifications; %s", (now - stormEnd) / 1e6, received.size(),
                        target.progress()));
            }
            Thread.sleep(250);
        }
    }

    void writeRaw() throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results.resolve(system + "-events.csv")))) {
            out.println("index,phase,fingerprint,group,severity,first,send_us,ack_us");
            for (Phase phase : List.of(stream.warmup, stream.steady, stream.storm)) {
                for (Ev e : phase.events()) {
                    out.println(e.index() + "," + e.phase() + "," + e.fp().id() + "," + e.fp().group() + "," + e.fp().severity() + ","
                            + e.first() + "," + sendMicros[e.index()] + "," + ackMicros[e.index()]);
                }
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results.resolve(system + "-notifications.jsonl")))) {
            for (Object[] r : received) {
                out.println("{\"arrival_us\":" + r[0] + ",\"body\":" + ((String) r[1]).strip() + "}");
            }
        }
    }

    static void log(String line) {
        System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + line);
        System.out.flush();
    }

    // --- Alertmanager ----------------------------------------------------------------------------------------------

    final class AlertmanagerTarget implements Target {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        final URI alerts = URI.create(env("AM_URL", "http://127.0.0.1:9691") + "/api/v2/alerts");
        long posts;

        @Override
        public void send(List<Ev> batch) throws Exception {
            long now = nowMicros();
            StringBuilder body = new StringBuilder(batch.size() * 260).append('[');
            for (Ev e : batch) {
                sendMicros[e.index()] = now;
                if (e.first()) {
                    fpStart.put(e.fp().id(), now);
                }
                Fp fp = e.fp();
                if (body.length() > 1) {
                    body.append(',');
                }
                body.append("{\"labels\":{\"alertname\":\"").append(fp.alertname())
                        .append("\",\"service\":\"").append(fp.service())
                        .append("\",\"severity\":\"").append(fp.severity())
                        .append("\",\"instance\":\"").append(fp.instance())
                        .append("\",\"region\":\"uk\",\"bench_fp\":\"").append(fp.id())
                        .append("\"},\"annotations\":{\"summary\":\"").append(fp.alertname()).append(" on ").append(fp.service())
                        .append("\"},\"startsAt\":\"").append(instant(fpStart.get(fp.id()))).append("\"}");
            }
            body.append(']');
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(alerts).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            long acked = nowMicros();
            posts++;
            if (response.statusCode() / 100 != 2) {
                errors.addAndGet(batch.size());
                log("Alertmanager answered " + response.statusCode() + ": " + response.body());
                return;
            }
            for (Ev e : batch) {
                ackMicros[e.index()] = acked;
            }
        }

        @Override
        public boolean backlogEmpty() {
            return true; // a 200 from /api/v2/alerts means the alerts are in Alertmanager's store
        }

        @Override
        public String progress() {
            return posts + " POSTs, " + received.size() + " notifications";
        }

        @Override
        public void flush() {
        }

        @Override
        public void finish(Map<String, Object> out, Analysis analysis) {
            out.put("posts", posts);
        }

        @Override
        public void close() {
        }
    }

    static String instant(long micros) {
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000).toString();
    }

    // --- WedOps ----------------------------------------------------------------------------------------------------

    final class WedopsTarget implements Target {
        static final String GROUP = "alert-router-intake";
        final String bootstrap = env("KAFKA_BOOTSTRAP", "127.0.0.1:9492");
        final String jdbc = env("PG_URL", "jdbc:postgresql://127.0.0.1:5833/alert_router");
        final KafkaProducer<String, Object> producer;
        final Admin admin;
        final String[] eventIds = new String[totalEvents];
        final AtomicLongArray produced = new AtomicLongArray(64);
        final AtomicLong acked = new AtomicLong();
        final List<long[]> lagTimeline = java.util.Collections.synchronizedList(new ArrayList<>());
        final java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long sent;
        long commitsAtSteady = -1;
        final String routerUrl = env("ROUTER_URL", "http://127.0.0.1:8485");
        Map<String, Double> metricsAtSteady = Map.of();
        /** When a bare consumer beside the router received each event: the Kafka hop alone, the floor under any design that reads ops.alerts.v1. */
        final long[] probeMicros = new long[totalEvents];
        final Map<String, Integer> indexOfEventId = new java.util.concurrent.ConcurrentHashMap<>();
        final Thread probe;
        final java.util.concurrent.CountDownLatch probePositioned = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.CountDownLatch allProbed = new java.util.concurrent.CountDownLatch(totalEvents);
        volatile boolean probing = true;

        @SuppressWarnings({"unchecked", "rawtypes"})
        WedopsTarget() throws Exception {
            this(5);
        }

        WedopsTarget(int lingerMs) throws Exception {
            Properties p = new Properties();
            // the project's producer defaults (service-support's application defaults)
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(lingerMs));
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroEventSerializer.class.getName());
            p.put(AvroEventSerializer.SOURCE_CONFIG, "wedops/alert-bench");
            producer = new KafkaProducer(p);
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
            sampler.scheduleAtFixedRate(() -> {
                try {
                    long committed = committed();
                    lagTimeline.add(new long[] {nowMicros(), producedTotal() - committed, committed});
                } catch (Exception e) {
                    // a missed sample
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            probe = new Thread(this::probeKafkaHop, "kafka-hop-probe");
            probe.setDaemon(true);
            probe.start();
            if (!probePositioned.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the Kafka hop probe did not get its partitions in 30 s");
            }
        }

        /** The router's consumer settings (service-support defaults), no group: all partitions from their end. */
        void probeKafkaHop() {
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroEventDeserializer.class.getName());
            try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(c)) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                probePositioned.countDown();
                while (probing) {
                    for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                        long now = nowMicros();
                        if (record.value() instanceof Alert alert) {
                            Integer index = indexOfEventId.get(alert.getEventId());
                            if (index != null) {
                                probeMicros[index] = now;
                                allProbed.countDown();
                            }
                        }
                    }
                }
            } catch (Exception e) {
                System.err.println("kafka hop probe stopped: " + e);
            }
        }

        /** Produce→receive of the bare consumer, per phase. */
        Map<String, Object> kafkaHop() {
            probing = false;
            Map<String, Object> hop = new LinkedHashMap<>();
            for (Phase phase : List.of(stream.steady, stream.storm)) {
                List<Long> all = new ArrayList<>();
                for (Ev e : phase.events()) {
                    if (probeMicros[e.index()] > 0) {
                        all.add(probeMicros[e.index()] - sendMicros[e.index()]);
                    }
                }
                hop.put(phase.name(), Map.of("every_event", Analysis.percentiles(all), "received", all.size(), "sent", phase.events().size()));
            }
            return hop;
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
                long now = nowMicros();
                if (e.first()) {
                    fpStart.put(e.fp().id(), now);
                }
                Fp fp = e.fp();
                String eventId = UUID.randomUUID().toString();
                eventIds[e.index()] = eventId;
                indexOfEventId.put(eventId, e.index());
                Alert alert = Alert.newBuilder()
                        .setEventId(eventId)
                        .setOccurredAt(Instant.ofEpochSecond(now / 1_000_000, (now % 1_000_000) * 1000))
                        .setFingerprint(fp.id())
                        .setName(fp.alertname())
                        .setStatus(AlertStatus.FIRING)
                        .setSeverity(Severity.valueOf(fp.severity()))
                        .setService(fp.service())
                        .setRegion("uk")
                        .setSummary(fp.alertname() + " on " + fp.service())
                        .setSource("alert-bench")
                        .setProfile(ThresholdProfile.STANDARD)
                        .setStartsAt(Instant.ofEpochSecond(fpStart.get(fp.id()) / 1_000_000, (fpStart.get(fp.id()) % 1_000_000) * 1000))
                        .setLabels(Map.of("instance", fp.instance(), "bench_fp", fp.id()))
                        .build();
                int index = e.index();
                sendMicros[index] = now;
                sent++;
                producer.send(new ProducerRecord<>(Topics.ALERTS, fp.id(), alert), (metadata, exception) -> {
                    if (exception != null) {
                        errors.incrementAndGet();
                        return;
                    }
                    ackMicros[index] = nowMicros();
                    acked.incrementAndGet();
                    produced.accumulateAndGet(metadata.partition(), metadata.offset() + 1, Math::max);
                });
            }
        }

        @Override
        public boolean backlogEmpty() throws Exception {
            return acked.get() + errors.get() == sent && committed() >= producedTotal();
        }

        @Override
        public String progress() throws Exception {
            long committed = committed();
            return String.format("Kafka acked %,d, router processed %,d (lag %,d), %d notifications", acked.get(), committed,
                    producedTotal() - committed, received.size());
        }

        @Override
        public void flush() {
            producer.flush();
        }

        long xactCommits() {
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("select xact_commit from pg_stat_database where datname = 'alert_router'")) {
                return r.next() ? r.getLong(1) : -1;
            } catch (Exception e) {
                return -1;
            }
        }

        @Override
        public void finish(Map<String, Object> out, Analysis analysis) throws Exception {
            long commitsAtEnd = xactCommits();
            Map<String, Long> processedAt = new HashMap<>();
            Map<String, long[]> firstFlush = new HashMap<>(); // group -> {created_at, delivered_at}
            Map<String, Long> statuses = new TreeMap<>();
            long retried = 0;
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres"); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("select event_id, processed_at from processed_event")) {
                    while (r.next()) {
                        processedAt.put(r.getString(1), micros(r.getTimestamp(2)));
                    }
                }
                Pattern key = Pattern.compile("\\{alertname=([^,]*),service=([^,]*),\\}#(\\d+):");
                try (ResultSet r = s.executeQuery("select delivery_key, created_at, delivered_at, status, attempts from notification")) {
                    while (r.next()) {
                        statuses.merge(r.getString(4), 1L, Long::sum);
                        if (r.getInt(5) > 1) {
                            retried++;
                        }
                        Matcher m = key.matcher(r.getString(1));
                        if (m.find() && m.group(3).equals("1")) {
                            Timestamp delivered = r.getTimestamp(3);
                            firstFlush.put(m.group(1) + "|" + m.group(2),
                                    new long[] {micros(r.getTimestamp(2)), delivered == null ? 0 : micros(delivered)});
                        }
                    }
                }
            }
            out.put("outbox_rows_by_status", statuses);
            out.put("outbox_rows_retried", retried);
            long measuredEvents = stream.steady.events().size() + stream.storm.events().size();
            if (commitsAtSteady > 0 && commitsAtEnd > 0) {
                out.put("postgres_commits_per_alert", Math.round(100.0 * (commitsAtEnd - commitsAtSteady) / measuredEvents) / 100.0);
            }
            // processing throughput and intake lag per phase, from processed_event.processed_at (start of each event's transaction)
            Map<String, Object> intake = new LinkedHashMap<>();
            for (Phase phase : List.of(stream.steady, stream.storm)) {
                List<Long> lags = new ArrayList<>();
                long first = Long.MAX_VALUE;
                long last = 0;
                int missing = 0;
                for (Ev e : phase.events()) {
                    Long at = processedAt.get(eventIds[e.index()]);
                    if (at == null) {
                        missing++;
                        continue;
                    }
                    lags.add(at - sendMicros[e.index()]);
                    first = Math.min(first, sendMicros[e.index()]);
                    last = Math.max(last, at);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("processed", lags.size());
                m.put("not_processed", missing);
                m.put("send_to_intake_ms", Analysis.percentiles(lags));
                intake.put(phase.name(), m);
            }
            out.put("router_intake", intake);
            out.put("kafka_hop", kafkaHop());
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(results.resolve("wedops-processed.csv")))) {
                w.println("index,phase,fingerprint,first,send_us,processed_us");
                for (Phase phase : List.of(stream.warmup, stream.steady, stream.storm)) {
                    for (Ev e : phase.events()) {
                        Long at = processedAt.get(eventIds[e.index()]);
                        w.println(e.index() + "," + e.phase() + "," + e.fp().id() + "," + e.first() + "," + sendMicros[e.index()] + ","
                                + (at == null ? "" : at));
                    }
                }
            }
            List<Long> all = new ArrayList<>();
            for (Phase phase : List.of(stream.steady, stream.storm)) {
                for (Ev e : phase.events()) {
                    Long at = processedAt.get(eventIds[e.index()]);
                    if (at != null) {
                        all.add(at);
                    }
                }
            }
            all.sort(Long::compare);
            if (all.size() > 1) {
                int best = 0;
                for (int i = 0, j = 0; i < all.size(); i++) {
                    while (all.get(i) - all.get(j) > 5_000_000) {
                        j++;
                    }
                    best = Math.max(best, i - j + 1);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("processed", all.size());
                m.put("mean_per_s", Math.round(all.size() / ((all.get(all.size() - 1) - marks.get("steadyStart")) / 1e6)));
                m.put("best_5s_window_per_s", best / 5);
                m.put("last_processed_after_storm_end_s", Math.round((all.get(all.size() - 1) - marks.get("stormEnd")) / 1e5) / 10.0);
                out.put("router_throughput", m);
            }
            out.put("router_metrics", RouterMetrics.delta(metricsAtSteady, RouterMetrics.scrape(routerUrl, results.resolve("alert-router-prometheus.txt"))));
            long peak = 0;
            long peakAt = 0;
            synchronized (lagTimeline) {
                for (long[] sample : lagTimeline) {
                    if (sample[1] > peak) {
                        peak = sample[1];
                        peakAt = sample[0];
                    }
                }
            }
            out.put("consumer_lag_peak", peak);
            out.put("consumer_lag_peak_after_storm_start_s", peak == 0 ? null : Math.round((peakAt - marks.get("stormStart")) / 1e5) / 10.0);
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(results.resolve("wedops-lag.csv")))) {
                w.println("t_us,lag,committed");
                synchronized (lagTimeline) {
                    lagTimeline.forEach(sample -> w.println(sample[0] + "," + sample[1] + "," + sample[2]));
                }
            }
            // where the first notification of each new CRITICAL group spent its time
            Map<String, Object> stages = new LinkedHashMap<>();
            for (String phase : List.of("steady", "storm")) {
                List<Long> queue = new ArrayList<>();
                List<Long> flush = new ArrayList<>();
                List<Long> dispatch = new ArrayList<>();
                for (Analysis.Group g : analysis.groups.values()) {
                    if (!g.phase.equals(phase) || !g.severity.equals("CRITICAL") || g.firstNotified == 0) {
                        continue;
                    }
                    Long intakeAt = processedAt.get(eventIds[g.firstEvent]);
                    long[] flushAt = firstFlush.get(g.key);
                    if (intakeAt == null || flushAt == null) {
                        continue;
                    }
                    queue.add(intakeAt - g.firstSend);
                    flush.add(flushAt[0] - intakeAt);
                    dispatch.add(g.firstNotified - flushAt[0]);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("send_to_intake_ms (Kafka + consumer queue)", Analysis.percentiles(queue));
                m.put("intake_to_outbox_ms (transaction + group flush)", Analysis.percentiles(flush));
                m.put("outbox_to_webhook_ms (dispatcher + HTTP)", Analysis.percentiles(dispatch));
                stages.put(phase, m);
            }
            out.put("first_notification_stages_critical", stages);
        }

        @Override
        public void close() {
            sampler.shutdownNow();
            producer.close(Duration.ofSeconds(5));
            admin.close(Duration.ofSeconds(5));
        }
    }

    static long micros(Timestamp t) {
        Instant i = t.toInstant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    // --- analysis --------------------------------------------------------------------------------------------------

    /** Turns send times and received notifications into the numbers of the table. */
    static final class Analysis {

        static final class Group {
            String key;
            String phase;
            String severity;
            int firstEvent = -1;
            long firstSend;
            long firstNotified;
            int notifications;
            int duplicates;
        }

        record Notification(long arrival, String group, Set<String> firing, Set<String> resolved) {
        }

        final AlertBench bench;
        final Map<String, Group> groups = new LinkedHashMap<>();
        final List<Notification> notifications = new ArrayList<>();

        Analysis(AlertBench bench) throws IOException {
            this.bench = bench;
            for (Phase phase : List.of(bench.stream.steady, bench.stream.storm)) {
                for (Ev e : phase.events()) {
                    groups.computeIfAbsent(e.fp().group(), k -> {
                        Group n = new Group();
                        n.key = k;
                        n.phase = e.phase();
                        n.severity = e.fp().severity();
                        n.firstEvent = e.index();
                        n.firstSend = bench.sendMicros[e.index()];
                        return n;
                    });
                }
            }
            for (Object[] r : bench.received) {
                JsonNode body = JSON.readTree((String) r[1]);
                String group = body.at("/groupLabels/alertname").asText() + "|" + body.at("/groupLabels/service").asText();
                Set<String> firing = new HashSet<>();
                Set<String> resolved = new HashSet<>();
                if (bench.system.equals("am")) {
                    for (JsonNode a : body.path("alerts")) {
                        (a.path("status").asText().equals("firing") ? firing : resolved).add(a.at("/labels/bench_fp").asText());
                    }
                } else {
                    body.path("firing").forEach(a -> firing.add(a.path("fingerprint").asText()));
                    body.path("resolved").forEach(a -> resolved.add(a.path("fingerprint").asText()));
                }
                notifications.add(new Notification((Long) r[0], group, firing, resolved));
            }
            notifications.sort((a, b) -> Long.compare(a.arrival, b.arrival));
        }

        Map<String, Object> metrics() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("system", bench.system.equals("am") ? "Alertmanager" : "WedOps alert-router");
            out.put("date", Instant.now().toString());
            out.put("marks_us", bench.marks);
            // acceptance: a 2xx from Alertmanager's API, a broker ack from Kafka for WedOps
            Map<String, Object> accepted = new LinkedHashMap<>();
            for (Phase phase : List.of(bench.stream.steady, bench.stream.storm)) {
                long first = Long.MAX_VALUE;
                long last = 0;
                int count = 0;
                for (Ev e : phase.events()) {
                    if (bench.ackMicros[e.index()] > 0) {
                        count++;
                        first = Math.min(first, bench.sendMicros[e.index()]);
                        last = Math.max(last, bench.ackMicros[e.index()]);
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("offered_per_s", phase.rate());
                m.put("events", phase.events().size());
                m.put("accepted", count);
                m.put("accepted_per_s", count == 0 ? 0 : Math.round(count / ((last - first) / 1e6)));
                accepted.put(phase.name(), m);
            }
            out.put("accepted", accepted);
            out.put("send_errors", bench.errors.get());

            // notifications per group, in arrival order; a duplicate repeats the previous one's firing and resolved sets
            Map<String, Notification> previous = new HashMap<>();
            Map<String, Long> fpFirstNotified = new HashMap<>();
            int measured = 0;
            int warmup = 0;
            int duplicates = 0;
            int unknown = 0;
            Map<String, Integer> byPhase = new LinkedHashMap<>();
            for (Notification n : notifications) {
                if (n.group.startsWith("BenchWarmup")) {
                    warmup++;
                    continue;
                }
                Group g = groups.get(n.group);
                if (g == null) {
                    unknown++;
                    continue;
                }
                measured++;
                byPhase.merge(n.arrival < bench.marks.get("stormStart") ? "during_steady" : "from_storm_start", 1, Integer::sum);
                g.notifications++;
                Notification before = previous.put(n.group, n);
                if (before != null && before.firing.equals(n.firing) && before.resolved.equals(n.resolved)) {
                    g.duplicates++;
                    duplicates++;
                }
                if (g.firstNotified == 0 && !n.firing.isEmpty()) {
                    g.firstNotified = n.arrival;
                }
                for (String fp : n.firing) {
                    fpFirstNotified.putIfAbsent(fp, n.arrival);
                }
            }
            out.put("notifications", measured);
            out.put("notifications_by_time", byPhase);
            out.put("notifications_warmup", warmup);
            out.put("notifications_unknown_group", unknown);
            out.put("groups", groups.size());
            out.put("duplicates", duplicates);

            Set<String> fired = new HashSet<>();
            for (Phase phase : List.of(bench.stream.steady, bench.stream.storm)) {
                phase.events().forEach(e -> fired.add(e.fp().id()));
            }
            List<String> lost = fired.stream().filter(fp -> !fpFirstNotified.containsKey(fp)).sorted().toList();
            out.put("fingerprints_fired", fired.size());
            out.put("lost_fingerprints", lost.size());
            out.put("lost_examples", lost.stream().limit(10).toList());
            out.put("groups_never_notified", groups.values().stream().filter(g -> g.firstNotified == 0).count());

            Map<String, Object> latency = new LinkedHashMap<>();
            for (String phase : List.of("steady", "storm", "all")) {
                for (String severity : List.of("CRITICAL", "HIGH")) {
                    List<Long> values = new ArrayList<>();
                    for (Group g : groups.values()) {
                        if ((phase.equals("all") || g.phase.equals(phase)) && g.severity.equals(severity) && g.firstNotified > 0) {
                            values.add(g.firstNotified - g.firstSend);
                        }
                    }
                    latency.put("new_group_" + severity + "_" + phase, percentiles(values));
                }
            }
            List<Long> perFp = new ArrayList<>();
            for (String fp : fired) {
                Long at = fpFirstNotified.get(fp);
                if (at != null) {
                    perFp.add(at - bench.fpStart.get(fp));
                }
            }
            latency.put("fingerprint_first_notified_all", percentiles(perFp));
            out.put("latency_ms", latency);
            return out;
        }

        /** p50, p99 and max in milliseconds (nearest rank), and how many values. */
        static Map<String, Object> percentiles(List<Long> micros) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("n", micros.size());
            if (micros.isEmpty()) {
                return m;
            }
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(Long::compare);
            m.put("p50", rank(sorted, 0.50) / 1000.0);
            m.put("p99", rank(sorted, 0.99) / 1000.0);
            m.put("max", sorted.get(sorted.size() - 1) / 1000.0);
            return m;
        }

        static long rank(List<Long> sorted, double q) {
            int index = (int) Math.ceil(q * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }
}
