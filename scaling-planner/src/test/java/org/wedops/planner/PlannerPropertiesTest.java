package org.wedops.planner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.wedops.planner.lease.LeaseProperties;
import org.wedops.planner.protection.ProtectionProperties;
import org.wedops.planner.scaling.ScalingProperties;

/** A bad setting stops the planner when it is bound, naming the property, instead of failing at the first tick. */
class PlannerPropertiesTest {

    @Test
    void aLoadThresholdOutOfOrderNamesTheProtectionSettings() {
        assertThatThrownBy(() -> bind("wedops.planner.protection", ProtectionProperties.class,
                Map.of("wedops.planner.protection.high-load", "30")))
                .hasStackTraceContaining("wedops.planner.protection: load thresholds must satisfy 0 < highLoad");
    }

    @Test
    void aHorizonShorterThanAWeekIsRefusedByName() {
        assertThatThrownBy(() -> bind("wedops.planner.protection", ProtectionProperties.class,
                Map.of("wedops.planner.protection.horizon", "2d")))
                .hasStackTraceContaining("wedops.planner.protection.horizon");
    }

    @Test
    void aManagedServiceWhoseReplicasShrinkWithTheLevelNamesItsIndex() {
        assertThatThrownBy(() -> bind("wedops.planner.scaling", ScalingProperties.class, Map.of(
                "wedops.planner.scaling.services[0].name", "checkout", "wedops.planner.scaling.services[0].region", "uk",
                "wedops.planner.scaling.services[1].name", "payments", "wedops.planner.scaling.services[1].region", "uk",
                "wedops.planner.scaling.services[1].replicas.high", "5")))
                .hasStackTraceContaining("wedops.planner.scaling.services[1].replicas");
    }

    @Test
    void aServiceManagedTwiceIsRefused() {
        assertThatThrownBy(() -> new ScalingProperties(false, ScalingProperties.Mode.SCALE, Duration.ofSeconds(30), Duration.ofHours(2),
                Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofMinutes(5), List.of(service("checkout"), service("checkout"))))
                .hasMessageContaining("wedops.planner.scaling.services[1].name");
    }

    @Test
    void aLeaseRenewedNoSoonerThanItRunsOutIsRefusedByName() {
        assertThatThrownBy(() -> bind("wedops.planner.lease", LeaseProperties.class, Map.of("wedops.planner.lease.renew-every", "30s")))
                .hasStackTraceContaining("wedops.planner.lease.renew-every");
    }

    private static ScalingProperties.ManagedService service(String name) {
        return new ScalingProperties.ManagedService(name, "uk", "default", null,
                new ScalingProperties.Replicas(2, 100, 10, 35, 50, 20, 2.5, 600, 1));
    }

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }
}
