package org.wedops.localstack.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackMessageTest {

    @Test
    void theFallbackTextOfABlockKitMessageIsWhatIsShown() {
        String body = """
                {"text":"🔴 FIRING TargetCritical: venue-wifi is CRITICAL","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*details*"}}]}
                """;

        assertThat(SlackMessage.readable(body)).isEqualTo("🔴 FIRING TargetCritical: venue-wifi is CRITICAL");
    }

    @Test
    void withoutTextTheRawBodyIsShownOnOneLineAndCutShort() {
        String blocksOnly = "{\"blocks\":[\n{\"type\":\"divider\"}]}";
        assertThat(SlackMessage.readable(blocksOnly)).isEqualTo("{\"blocks\":[ {\"type\":\"divider\"}]}");

        String long_ = "{\"blocks\":\"" + "x".repeat(400) + "\"}";
        assertThat(SlackMessage.readable(long_)).hasSize(SlackMessage.MAX_RAW + 1).endsWith("…");
    }

    @Test
    void aBodyThatIsNotJsonIsShownAsIs() {
        assertThat(SlackMessage.readable("payload=hello")).isEqualTo("payload=hello");
    }
}
