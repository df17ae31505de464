package org.wedops.localstack.simulate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** What a person would read in Slack, from the JSON a service posted to the webhook. */
public final class SlackMessage {

    static final int MAX_RAW = 300;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SlackMessage() {
    }

    /**
     * Block Kit messages carry a top-level {@code text} as the notification fallback; that one line is what matters
     * on a console. Anything else is shown raw, cut short.
     */
    public static String readable(String body) {
        try {
            JsonNode text = JSON.readTree(body).get("text");
            if (text != null && text.isString() && !text.asString().isBlank()) {
                return text.asString();
            }
        } catch (JacksonException notJson) {
            // shown raw below
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= MAX_RAW ? flat : flat.substring(0, MAX_RAW) + "…";
    }
}
