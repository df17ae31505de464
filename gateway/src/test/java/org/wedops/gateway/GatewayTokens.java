package org.wedops.gateway;

import org.wedops.testsupport.TestTokens;

/** Tokens beyond {@link TestTokens}; everything else comes from there. */
public final class GatewayTokens {

    public static final String OTHER_SECRET = "another-secret-of-at-least-32-bytes!!";

    private GatewayTokens() {
    }
}
