package org.wedops.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console signs people in. Locally a pasted token; in production, with {@code wedops.security.issuer-uri}
 * set, OIDC authorization code with PKCE against that issuer as this public client.
 *
 * @param oidcClientId the console's client id at the issuer; unset means no single sign-on button
 * @param oidcScope    scopes asked for; the issuer must put the roles claim into the access token
 */
@ConfigurationProperties("wedops.gateway.console")
public record ConsoleProperties(String oidcClientId, @DefaultValue("openid") String oidcScope) {

    public ConsoleProperties {
        if (oidcClientId != null && !oidcClientId.matches("[A-Za-z0-9._:-]{1,200}")) {
            throw new IllegalArgumentException("wedops.gateway.console.oidc-client-id must be 1-200 of A-Za-z0-9._:-");
        }
        if (!oidcScope.matches("[A-Za-z0-9._:/ -]{1,500}")) {
            throw new IllegalArgumentException("wedops.gateway.console.oidc-scope must be space-separated scope names");
        }
    }
}
