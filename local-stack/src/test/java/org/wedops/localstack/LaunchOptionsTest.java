package org.wedops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noFlagsStartThePlainStack() {
        LaunchOptions options = LaunchOptions.parse();

        assertThat(options.portOffset()).isZero();
        assertThat(options.simulate()).isFalse();
        assertThat(options.tokenRoles()).isEmpty();
        assertThat(options.secureKafka()).isFalse();
    }

    @Test
    void secureKafkaIsAFlagBesideTheOthers() {
        assertThat(LaunchOptions.parse("--secure-kafka", "--simulate"))
                .isEqualTo(new LaunchOptions(0, true, java.util.Optional.empty(), false, true));
    }

    @Test
    void simulateAndPortOffsetInEitherSpelling() {
        assertThat(LaunchOptions.parse("--simulate", "--port-offset", "100"))
                .isEqualTo(new LaunchOptions(100, true, java.util.Optional.empty(), false, false));
        assertThat(LaunchOptions.parse("--port-offset=-10").portOffset()).isEqualTo(-10);
    }

    @Test
    void tokenTakesTheRolesThatFollowAndDefaultsToAdmin() {
        assertThat(LaunchOptions.parse("--token").tokenRoles()).contains(List.of("ADMIN"));
        assertThat(LaunchOptions.parse("--token", "operator", "INGEST").tokenRoles()).contains(List.of("OPERATOR", "INGEST"));
        assertThat(LaunchOptions.parse("--token", "VIEWER", "--port-offset", "1").portOffset()).isEqualTo(1);
    }

    @Test
    void mistakesAreExplainedNotThrownAsStackTraces() {
        assertThatThrownBy(() -> LaunchOptions.parse("--port-offset")).isInstanceOf(StackException.class).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> LaunchOptions.parse("--port-offset", "ten")).isInstanceOf(StackException.class).hasMessageContaining("'ten'");
        assertThatThrownBy(() -> LaunchOptions.parse("--simulat")).isInstanceOf(StackException.class).hasMessageContaining("unknown option --simulat");
    }
}
