package org.wedops.localstack.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wedops.localstack.StackException;

class PortCheckTest {

    @Test
    void aPortListenedOnLoopbackOnlyStillCountsAsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThat(PortCheck.isFree(port)).isFalse();
            assertThatThrownBy(() -> PortCheck.requireFree(Map.of(port, "health-collector")))
                    .isInstanceOf(StackException.class)
                    .hasMessage("port " + port + " (health-collector) is already in use — stop what holds it or pass --port-offset N");
        }
    }

    @Test
    void aReleasedPortIsFree() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
    }
}
