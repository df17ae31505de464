package org.wedops.apm.ingest;

import java.util.UUID;

/**
 * Event ids for the samples of one request: one random UUID per request with the sample's index folded into its lowest
 * bits. A random UUID per sample drew on {@code SecureRandom} thousands of times per request, a seventh of the event
 * loop's time in bench/apm-ingest. The ids stay version-4 UUIDs (an index leaves the version and variant bits alone),
 * are distinct within the request, and meet another request's only if 106 random bits agree.
 */
final class SampleEventIds {

    private final UUID request = UUID.randomUUID();

    /** @param index the sample's place in its batch */
    String of(int index) {
        return new UUID(request.getMostSignificantBits(), request.getLeastSignificantBits() ^ index).toString();
    }
}
