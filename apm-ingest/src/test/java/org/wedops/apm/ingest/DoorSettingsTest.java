package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.util.unit.DataSize;
import org.wedops.apm.aggregation.WindowSettings;

/** The door's settings are checked when the service starts, and what it bounds stays bounded. */
class DoorSettingsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-06T14:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDoorThatWouldTakeWhatTheWindowsCannotCountStopsTheStart() {
        WindowSettings windows = new WindowSettings(Duration.ofSeconds(30), "w", "/tmp/w", Duration.ofSeconds(1), 1, Duration.ofSeconds(30),
                Duration.ofHours(24), 256, Duration.ofSeconds(10), Duration.ofSeconds(5));

        assertThatThrownBy(() -> new SampleIngest(new DefaultKafkaProducerFactory<>(Map.of()), door(Duration.ofSeconds(20)), series(1000), windows, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wedops.apm.max-future-skew (20s) must not exceed wedops.apm.windows.future-skew (10s)");
        assertThatThrownBy(() -> SampleIngest.requireWithinWindows(new DoorSettings(5000, DataSize.ofMegabytes(5), Duration.ofSeconds(10),
                Duration.ofHours(48), LabelLimits.defaults()), windows))
                .hasMessageContaining("wedops.apm.max-duration (48h) must not exceed wedops.apm.windows.max-duration (24h)");
        assertThatThrownBy(() -> SampleIngest.requireWithinWindows(new DoorSettings(5000, DataSize.ofMegabytes(5), Duration.ofSeconds(10),
                Duration.ofHours(24), new LabelLimits(64, 300, 64, 32, 32, 256, 256, 32, 64, 1024)), windows))
                .hasMessageContaining("allow 300 characters, more than wedops.apm.windows.max-label-length (256)");
        new SampleIngest(new DefaultKafkaProducerFactory<>(Map.of()), door(Duration.ofSeconds(10)), series(1000), windows, CLOCK);
    }

    @Test
    void impossibleLimitsStopTheStart() {
        assertThatThrownBy(() -> new DoorSettings(0, DataSize.ofMegabytes(5), Duration.ofSeconds(10), Duration.ofHours(24),
                LabelLimits.defaults())).hasMessageContaining("wedops.apm.max-batch-samples");
        assertThatThrownBy(() -> new DoorSettings(5000, DataSize.ofMegabytes(5), Duration.ofSeconds(-1), Duration.ofHours(24),
                LabelLimits.defaults())).hasMessageContaining("wedops.apm.max-future-skew");
        assertThatThrownBy(() -> new DoorSettings(5000, DataSize.ofMegabytes(5), null, Duration.ofHours(24),
                LabelLimits.defaults())).hasMessageContaining("wedops.apm.max-future-skew");
        assertThatThrownBy(() -> new SeriesSettings(0, 10, Duration.ofHours(1))).hasMessageContaining("wedops.apm.series.max-per-service");
        assertThatThrownBy(() -> new BatchIdSettings(Duration.ofMinutes(15), 10, 1000, Duration.ofMinutes(2))).hasMessageContaining("max-key-length");
        assertThatThrownBy(() -> new BatchIdSettings(Duration.ofMinutes(15), 10, 128, Duration.ofMinutes(15))).hasMessageContaining("abandon-after");
    }

    @Test
    void servicesBeyondTheCapShareOneServiceTagOnTheServicesMeters() {
        MeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new ServiceTagLimit(series(2)));
        for (int i = 0; i < 5; i++) {
            meters.counter("apm.samples.late", "service", "svc-" + UUID.randomUUID()).increment();
        }

        assertThat(meters.find("apm.samples.late").counters()).hasSize(3);
        assertThat(meters.find("apm.samples.late").tag("service", ServiceTagLimit.OTHER).counter().count()).isEqualTo(3.0);
    }

    @Test
    void aSeriesCapRefusesNewSeriesAndNewServicesBeyondItsCapsUntilOneIsIdle() {
        SeriesCap cap = new SeriesCap(2, 1, Duration.ofMinutes(10));
        long now = 0;
        SeriesCap.ServiceSeries payments = cap.of("payments", now);

        assertThat(payments.admit("a", now)).isTrue();
        assertThat(payments.admit("b", now)).isTrue();
        assertThat(payments.admit("a", now)).isTrue();
        assertThat(payments.admit("c", now)).isFalse();
        assertThat(cap.of("crm", now)).isNull();
        long later = Duration.ofMinutes(11).toMillis();
        assertThat(payments.admit("c", later)).as("a and b idle for 11 minutes").isTrue();
    }

    private static DoorSettings door(Duration skew) {
        return new DoorSettings(5000, DataSize.ofMegabytes(5), skew, Duration.ofHours(24), LabelLimits.defaults());
    }

    private static SeriesSettings series(int maxServices) {
        return new SeriesSettings(1000, maxServices, Duration.ofHours(1));
    }
}
