package org.wedops.localstack.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints HS256 tokens the services accept (roles claim, space-separated scope). Hand-written on purpose: the
 * launcher stays free of a JOSE library, and HS256 is one HMAC over two base64url strings.
 */
public final class JwtMinter {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final byte[] key;

    public JwtMinter(String secret) {
        this.key = secret.trim().getBytes(StandardCharsets.UTF_8);
    }

    public String mint(String subject, List<String> roles, String scope, Instant now, Duration lifetime) {
        String payload = "{\"sub\":" + quote(subject)
                + ",\"roles\":[" + roles.stream().map(JwtMinter::quote).collect(Collectors.joining(",")) + "]"
                + (scope == null ? "" : ",\"scope\":" + quote(scope))
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + "}";
        String signingInput = encode(HEADER) + "." + encode(payload);
        return signingInput + "." + BASE64URL.encodeToString(hmacSha256(signingInput));
    }

    private byte[] hmacSha256(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Claims here are role names and fixed subjects, but a quote or backslash must still not break the JSON. */
    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
