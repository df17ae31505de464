package org.wedops.gateway.docs;

import lombok.RequiredArgsConstructor;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.factory.rewrite.RewriteFunction;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Adjusts a service's OpenAPI document for the aggregated UI: its one server becomes the gateway itself ({@code /},
 * relative to where the UI loaded it), and, unless the service declares its own, a bearer-JWT security scheme
 * applies to every operation so that the UI's "Authorize" button sends the token. Anything that is not a JSON
 * object (an error page, a 503 problem) passes unchanged.
 */
@RequiredArgsConstructor
final class ApiDocumentRewrite implements RewriteFunction<byte[], byte[]> {

    private final JsonMapper json;

    @Override
    public Publisher<byte[]> apply(ServerWebExchange exchange, byte[] body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (body == null || (status != null && !status.is2xxSuccessful())) {
            return Mono.justOrEmpty(body);
        }
        return Mono.just(rewrite(body));
    }

    byte[] rewrite(byte[] document) {
        JsonNode tree;
        try {
            tree = json.readTree(document);
        } catch (JacksonException notJson) {
            return document;
        }
        if (!(tree instanceof ObjectNode openApi)) {
            return document;
        }
        openApi.putArray("servers").addObject().put("url", "/").put("description", "WedOps gateway");
        ObjectNode components = openApi.get("components") instanceof ObjectNode existing ? existing : openApi.putObject("components");
        ObjectNode schemes = components.get("securitySchemes") instanceof ObjectNode existing ? existing : components.putObject("securitySchemes");
        if (schemes.isEmpty()) {
            schemes.putObject("bearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
            openApi.putArray("security").addObject().putArray("bearer");
        }
        return json.writeValueAsBytes(openApi);
    }
}
