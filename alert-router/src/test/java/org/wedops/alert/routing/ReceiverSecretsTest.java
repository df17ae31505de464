package org.wedops.alert.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

/** Receiver secrets: where they come from, that a missing one is named, and that none is ever shown. */
class ReceiverSecretsTest {

    private static final String SLACK = "https://hooks.slack.com/services/T0001/B0002/SECRETTOKEN123";
    private static final String KEY = "R0UTINGKEYSECRET42";

    @TempDir
    Path dir;

    @Test
    void placeholdersAreFilledFromVariablesAndFilesAreRead() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("pagerduty-key"), KEY + "\n");
        RoutingConfig config = RoutingConfigParser.parse(routing("""
                    slack: {url: "${SLACK_CRITICAL_URL}"}
                    pagerduty: {routing_key_file: "%s"}
                    webhook: {url: "https://hooks.example.com/in/${WEBHOOK_TOKEN}"}
                """.formatted(keyFile)), SecretLookup.of(Map.of("SLACK_CRITICAL_URL", SLACK, "WEBHOOK_TOKEN", "tok3n")));

        ReceiverSpec critical = config.receivers().get("critical");
        assertThat(critical.slack().url().reveal()).hasToString(SLACK);
        assertThat(critical.pagerduty().routingKey().reveal()).isEqualTo(KEY);
        assertThat(critical.webhook().url().reveal()).hasToString("https://hooks.example.com/in/tok3n");
    }

    @Test
    void aMissingVariableOrFileIsNamedAndNothingIsLoaded() {
        assertThatThrownBy(() -> RoutingConfigParser.parse(routing("""
                    slack: {url: "${SLACK_CRITICAL_URL}"}
                    pagerduty: {routing_key_file: "%s"}
                """.formatted(dir.resolve("no-such-file"))), SecretLookup.none()))
                .isInstanceOfSatisfying(RoutingConfigParser.InvalidRoutingException.class, e -> assertThat(e.problems()).containsExactly(
                        "receivers[0].slack.url: ${SLACK_CRITICAL_URL} is not set",
                        "receivers[0].pagerduty.routing_key_file: cannot read " + dir.resolve("no-such-file")));
    }

    @Test
    void aSecretGivenTwiceIsRefused() {
        assertThatThrownBy(() -> RoutingConfigParser.parse(routing("""
                    slack: {url: "%s", url_file: /run/secrets/slack}
                """.formatted(SLACK)), SecretLookup.none()))
                .isInstanceOfSatisfying(RoutingConfigParser.InvalidRoutingException.class,
                        e -> assertThat(e.problems()).containsExactly("receivers[0].slack.url: give it or url_file, not both"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"hooks.slack.com/services/T0001/B0002/SECRETTOKEN123", "ftp://hooks.slack.com/services/SECRETTOKEN123",
            "https://hooks slack com/SECRETTOKEN123"})
    void aWrongUrlIsRefusedWithoutQuotingIt(String url) {
        assertThatThrownBy(() -> RoutingConfigParser.parse(routing("""
                    slack: {url: "%s"}
                """.formatted(url)), SecretLookup.none()))
                .isInstanceOfSatisfying(RoutingConfigParser.InvalidRoutingException.class, e -> {
                    assertThat(e.problems()).singleElement().asString().startsWith("receivers[0].slack.url: ");
                    assertThat(e.getMessage()).doesNotContain("SECRETTOKEN123");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"    slack: \"%s\"\n", "    slack: {url: \"%s\"\n", "    slack: {url: [\"%s\"]}\n", "    slack: {url: \"%s\"}\n  - {{\n"})
    void aMalformedFileIsRefusedWithoutQuotingTheSecretNearTheError(String body) {
        assertThatThrownBy(() -> RoutingConfigParser.parse(routing(body.formatted(SLACK)), SecretLookup.none()))
                .isInstanceOfSatisfying(RoutingConfigParser.InvalidRoutingException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("SECRETTOKEN123", "T0001", "services"));
    }

    @Test
    void receiversShowTheirIntegrationsAndHostsButNoSecretInTextOrJson() {
        RoutingConfig config = RoutingConfigParser.parse(routing("""
                    slack: {url: "%s"}
                    pagerduty: {routing_key: "%s"}
                    webhook: {url: "https://hooks.example.com/in/tok3n"}
                """.formatted(SLACK, KEY)), SecretLookup.none());
        ReceiverSpec critical = config.receivers().get("critical");

        String json = JsonMapper.builder().build().writeValueAsString(critical);
        for (String shown : new String[] {json, critical.toString(), config.toString()}) {
            assertThat(shown).doesNotContain("SECRETTOKEN123", "T0001", KEY, "tok3n").contains("hooks.slack.com", "hooks.example.com");
        }
        assertThat(json).contains("\"url\":\"https://hooks.slack.com/[redacted]\"", "\"routingKey\":\"[redacted]\"");
    }

    private static String routing(String receiverBody) {
        return """
                route:
                  receiver: critical
                receivers:
                  - name: critical
                """ + receiverBody;
    }
}
