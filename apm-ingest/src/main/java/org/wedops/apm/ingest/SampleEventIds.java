package org.wedops.apm.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Event ids for the samples of one request: one UUID per request with the sample's index folded into its lowest bits.
 * A UUID made per sample would draw on {@code SecureRandom} (or SHA-1) thousands of times per request, on the event loop.
 * An index leaves the version and variant bits alone, so the ids are distinct within
 * the request and keep their version.
 * <p>
 * Without a batch id the request's UUID is random (version 4): ids meet another request's only if 106 random bits
 * agree. With a batch id (the {@code Idempotency-Key} header or the {@code batchId} field) it is a name-based version-5
 * UUID of the caller and the batch id, so a retried batch carries the same event ids as its first attempt, and a
 * consumer deduplicating on event id counts it once. The records that carry the samples get ids the same way, from a
 * second base, so a consumer may deduplicate whole records too.
 */
final class SampleEventIds {

    /** The namespace of WedOps batch ids (a random UUID fixed once, as RFC 9562 suggests for an application's own). */
    static final UUID BATCH_NAMESPACE = UUID.fromString("5b0c6f0e-3d55-4c8e-9a5e-2f3b7d0a6c41");

    private final UUID samples;
    private final UUID records;

    /** Random ids, for a batch without a batch id. */
    SampleEventIds() {
        this.samples = UUID.randomUUID();
        this.records = UUID.randomUUID();
    }

    private SampleEventIds(UUID samples, UUID records) {
        this.samples = samples;
        this.records = records;
    }

    /** Ids that are the same whenever the same caller sends a batch with the same batch id. */
    static SampleEventIds forBatch(String caller, String batchId) {
        String name = caller + '\n' + batchId;
        return new SampleEventIds(nameBased(name + "\nsamples"), nameBased(name + "\nrecords"));
    }

    /** @param index the sample's place in its batch */
    String of(int index) {
        return new UUID(samples.getMostSignificantBits(), samples.getLeastSignificantBits() ^ index).toString();
    }

    /** @param index the record's place among the records made of the batch */
    String ofRecord(int index) {
        return new UUID(records.getMostSignificantBits(), records.getLeastSignificantBits() ^ index).toString();
    }

    /** A version-5 UUID (SHA-1, RFC 9562 section 5.5) of the name in {@link #BATCH_NAMESPACE}. */
    static UUID nameBased(String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(BATCH_NAMESPACE.getMostSignificantBits())
                .putLong(BATCH_NAMESPACE.getLeastSignificantBits()).array());
        ByteBuffer hash = ByteBuffer.wrap(sha1.digest(name.getBytes(StandardCharsets.UTF_8)));
        long msb = (hash.getLong() & ~0xF000L) | 0x5000L;
        long lsb = (hash.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
