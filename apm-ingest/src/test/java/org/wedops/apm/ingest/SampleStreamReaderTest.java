package org.wedops.apm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

/** The token-by-token reader takes what data binding would take, the same way, and leaves the rest to it. */
class SampleStreamReaderTest {

    private static final String EVERY_FIELD = """
            {"kind":"AI_INFERENCE","service":"matching","operation":"venue.match","provider":"openai","region":"uk",
             "environment":"prod","timestamp":"2026-06-06T14:00:00.125+01:00","durationMs":812,"success":false,
             "errorType":"Timeout","statusCode":504,"chainId":"c-1","step":"score","route":"/match/{id}",
             "connectionCount":12,"disconnects":0,"model":"venue-v3","timedOut":true,"tokensIn":1200,
             "tokensOut":90000000000,"costUsd":0.012,"attributes":{"chainId":"c-1","note":null}}""";

    private final JsonMapper json = JsonMapper.builder().build();
    private final SampleStreamReader reader = new SampleStreamReader(json);

    record Batch(List<SampleInput> samples) {
    }

    @Test
    void everyFieldIsReadAsDataBindingReadsIt() {
        String body = "{\"samples\":[" + EVERY_FIELD + ",null,{\"kind\":\"HTTP\",\"durationMs\":null,\"attributes\":null}]}";

        List<SampleInput> streamed = reader.read(bytes(body)).orElseThrow();

        assertThat(streamed).isEqualTo(json.readValue(body, Batch.class).samples());
        assertThat(streamed.get(0).timestamp()).isEqualTo(Instant.parse("2026-06-06T13:00:00.125Z"));
        assertThat(streamed.get(0).tokensOut()).isEqualTo(90_000_000_000L);
        assertThat(streamed.get(0).attributes()).containsExactly(entry("chainId", "c-1"), entry("note", null));
        assertThat(streamed.get(1)).isNull();
    }

    @Test
    void namesAreMatchedInAnyOrderAndHoweverTheyAreEscaped() {
        String body = "{\"samples\":[{\"durationMs\":5,\"\\u0073ervice\":\"checkout\",\"kind\":\"HTTP\"},{\"kind\":\"WEBHOOK\",\"durationMs\":7}]}";

        List<SampleInput> streamed = reader.read(bytes(body)).orElseThrow();

        assertThat(streamed).isEqualTo(json.readValue(body, Batch.class).samples());
        assertThat(streamed.get(0).service()).isEqualTo("checkout");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"samples\":[{\"durationMs\":\"12\"}]}",
            "{\"samples\":[{\"statusCode\":12.5}]}",
            "{\"samples\":[{\"statusCode\":99999999999}]}",
            "{\"samples\":[{\"service\":7}]}",
            "{\"samples\":[{\"success\":\"yes\"}]}",
            "{\"samples\":[{\"timestamp\":\"yesterday\"}]}",
            "{\"samples\":[{\"timestamp\":1780000000000}]}",
            "{\"samples\":[{\"attributes\":{\"retries\":3}}]}",
            "{\"samples\":[{\"somethingElse\":1}]}",
            "{\"samples\":[{\"kinds\":\"HTTP\"}]}",
            "{\"samples\":[{\"kin\":\"HTTP\"}]}",
            "{\"samples\":[\"not an object\"]}",
            "{\"samples\":null}",
            "{\"batch\":[]}",
            "{}",
            "[]",
            "{\"samples\":[{\"kind\":"})
    void whatNeedsJudgementIsLeftToDataBinding(String body) {
        assertThat(reader.read(bytes(body))).isEmpty();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
