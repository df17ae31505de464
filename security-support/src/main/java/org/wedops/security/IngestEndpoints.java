package org.wedops.security;

import java.util.List;

/** POST paths on which a service accepts emitters' ingest-scoped tokens, declared as a bean by that service. */
public record IngestEndpoints(List<String> patterns) {

    public static IngestEndpoints none() {
        return new IngestEndpoints(List.of());
    }
}
