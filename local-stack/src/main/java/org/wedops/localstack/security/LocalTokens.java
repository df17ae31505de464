package org.wedops.localstack.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.wedops.localstack.StackException;

/** The tokens a developer and the simulator use against the local stack. */
public final class LocalTokens {

    /** Long enough for a day of work, short enough that a leaked one is soon worthless. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    static final Set<String> ROLES = Set.of("VIEWER", "OPERATOR", "ADMIN");
    /** Not a role: emitters carry the ingest scope and nothing else. */
    static final String INGEST = "INGEST";

    private LocalTokens() {
    }

    /** The simulator registers targets (ADMIN) and may post samples like an emitter (ingest scope). */
    public static String simulator(String secret, Instant now) {
        return new JwtMinter(secret).mint("local-simulator", List.of("ADMIN"), "ingest", now, LIFETIME);
    }

    public static String forRoles(String secret, List<String> requested, Instant now) {
        boolean ingest = requested.contains(INGEST);
        List<String> roles = requested.stream().filter(role -> !role.equals(INGEST)).toList();
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new StackException("unknown role " + role + " — use VIEWER, OPERATOR, ADMIN or INGEST");
            }
        }
        return new JwtMinter(secret).mint("local-developer", roles, ingest ? "ingest" : null, now, LIFETIME);
    }
}
