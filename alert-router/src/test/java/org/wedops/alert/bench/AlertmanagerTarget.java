package org.wedops.alert.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.wedops.alert.bench.AlertStream.Ev;
import org.wedops.alert.bench.AlertStream.Fp;

/** Alertmanager 0.25 through its API v2: each batch is one POST of /api/v2/alerts; a 2xx means stored. */
final class AlertmanagerTarget implements Target {

    private final Recording recording;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI alerts = URI.create(BenchEnvironment.text("AM_URL", "http://127.0.0.1:9691") + "/api/v2/alerts");
    private long posts;

    AlertmanagerTarget(Recording recording) {
        this.recording = recording;
    }

    @Override
    public void send(List<Ev> batch) throws Exception {
        long now = BenchClock.nowMicros();
        StringBuilder body = new StringBuilder(batch.size() * 260).append('[');
        for (Ev e : batch) {
            recording.sent(e, now);
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
                    .append("\"},\"startsAt\":\"").append(BenchClock.instant(recording.startOf(e))).append("\"}");
        }
        body.append(']');
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(alerts).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        long acked = BenchClock.nowMicros();
        posts++;
        if (response.statusCode() / 100 != 2) {
            recording.errors.addAndGet(batch.size());
            BenchLog.line("Alertmanager answered " + response.statusCode() + ": " + response.body());
            return;
        }
        for (Ev e : batch) {
            recording.ackMicros[e.index()] = acked;
        }
    }

    @Override
    public boolean backlogEmpty() {
        return true; // a 200 from /api/v2/alerts means the alerts are in Alertmanager's store
    }

    @Override
    public String progress() {
        return posts + " POSTs, " + recording.received.size() + " notifications";
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
