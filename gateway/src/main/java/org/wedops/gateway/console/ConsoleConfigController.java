package org.wedops.gateway.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.security.SecurityProperties;

/**
 * {@code GET /console/config.json}, open like the console's files: what the sign-in page needs before there is a
 * token (the issuer and client id for OIDC, both public by nature). Nothing secret is in it.
 */
@RestController
class ConsoleConfigController {

    static final String PATH = "/console/config.json";

    private final Map<String, Object> config;

    ConsoleConfigController(ConsoleProperties console, SecurityProperties security) {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean sso = security.issuerUri() != null && console.oidcClientId() != null;
        values.put("oidc", sso ? Map.of("issuer", security.issuerUri(), "clientId", console.oidcClientId(), "scope", console.oidcScope()) : null);
        values.put("rolesClaim", security.rolesClaim());
        this.config = values;
    }

    @GetMapping(PATH)
    Map<String, Object> config() {
        return config;
    }
}
