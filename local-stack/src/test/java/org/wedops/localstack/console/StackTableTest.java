package org.wedops.localstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class StackTableTest {

    @Test
    void columnsAreAlignedUnderTheirHeaders() {
        String table = StackTable.render(List.of(
                new StackTable.Row("gateway", 8080, "http://127.0.0.1:8080", ".wedops/logs/gateway.log"),
                new StackTable.Row("deployment-orchestrator", 8082, "http://127.0.0.1:8082", ".wedops/logs/deployment-orchestrator.log")));

        assertThat(table.lines()).containsExactly(
                "  service                  port  url                    log",
                "  gateway                  8080  http://127.0.0.1:8080  .wedops/logs/gateway.log",
                "  deployment-orchestrator  8082  http://127.0.0.1:8082  .wedops/logs/deployment-orchestrator.log");
    }

    @Test
    void secondsHaveOneDecimal() {
        assertThat(StackTable.seconds(41_234_000_000L)).isEqualTo("41.2 s");
    }
}
