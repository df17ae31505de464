package org.wedops.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiDocumentRewriteTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ApiDocumentRewrite rewrite = new ApiDocumentRewrite(json);

    @Test
    void theServiceOwnServerBecomesTheGatewayAndBearerAuthIsDeclared() {
        JsonNode doc = rewritten("""
                {"openapi":"3.1.0","servers":[{"url":"http://10.0.0.7:8083"}],"paths":{"/api/weddings":{}}}""");

        assertThat(doc.get("servers")).hasSize(1);
        assertThat(doc.get("servers").get(0).get("url").asString()).isEqualTo("/");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/bearer/bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.get("security").get(0).has("bearer")).isTrue();
        assertThat(doc.at("/paths/~1api~1weddings").isObject()).isTrue();
    }

    @Test
    void aSchemeTheServiceDeclaresItselfIsKept() {
        JsonNode doc = rewritten("""
                {"openapi":"3.1.0","components":{"securitySchemes":{"oidc":{"type":"openIdConnect"}}},"security":[{"oidc":[]}]}""");

        assertThat(doc.at("/components/securitySchemes").propertyNames()).containsExactly("oidc");
        assertThat(doc.get("security").get(0).has("oidc")).isTrue();
    }

    @Test
    void whatIsNotAJsonObjectPassesUnchanged() {
        byte[] html = "<html>oops</html>".getBytes(StandardCharsets.UTF_8);
        assertThat(rewrite.rewrite(html)).isSameAs(html);
        byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertThat(rewrite.rewrite(array)).isSameAs(array);
    }

    private JsonNode rewritten(String document) {
        return json.readTree(rewrite.rewrite(document.getBytes(StandardCharsets.UTF_8)));
    }
}
