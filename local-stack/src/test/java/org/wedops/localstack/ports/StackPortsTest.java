package org.wedops.localstack.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wedops.localstack.StackException;
import org.wedops.localstack.services.WedopsService;

class StackPortsTest {

    @Test
    void withoutOffsetThePortsAreTheDocumentedOnes() {
        StackPorts ports = new StackPorts(0);

        assertThat(ports.kafka()).isEqualTo(9092);
        assertThat(ports.kafkaController()).isEqualTo(9093);
        assertThat(ports.postgres()).isEqualTo(5433);
        assertThat(ports.of(WedopsService.GATEWAY)).isEqualTo(8080);
        assertThat(ports.of(WedopsService.HEALTH_COLLECTOR)).isEqualTo(8081);
        assertThat(ports.of(WedopsService.DEPLOYMENT_ORCHESTRATOR)).isEqualTo(8082);
        assertThat(ports.of(WedopsService.SCALING_PLANNER)).isEqualTo(8083);
        assertThat(ports.of(WedopsService.APM_INGEST)).isEqualTo(8084);
        assertThat(ports.of(WedopsService.ALERT_ROUTER)).isEqualTo(8085);
        assertThat(ports.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void anOffsetShiftsEveryPort() {
        StackPorts ports = new StackPorts(100);

        assertThat(ports.kafka()).isEqualTo(9192);
        assertThat(ports.kafkaController()).isEqualTo(9193);
        assertThat(ports.postgres()).isEqualTo(5533);
        assertThat(ports.simulator()).isEqualTo(8190);
        assertThat(ports.of(WedopsService.ALERT_ROUTER)).isEqualTo(8185);
        assertThat(ports.required()).containsOnlyKeys(9192, 9193, 5533, 8180, 8181, 8182, 8183, 8184, 8185);
        assertThat(ports.required()).containsEntry(8181, "health-collector").containsEntry(5533, "PostgreSQL");
    }

    @Test
    void aNegativeOffsetWorksAsLongAsThePortsStayUsable() {
        assertThat(new StackPorts(-1000).kafka()).isEqualTo(8092);
    }

    @Test
    void anOffsetThatLeavesThePortRangeIsRefused() {
        assertThatThrownBy(() -> new StackPorts(60000)).isInstanceOf(StackException.class).hasMessageContaining("--port-offset 60000");
        assertThatThrownBy(() -> new StackPorts(-5000)).isInstanceOf(StackException.class);
    }
}
