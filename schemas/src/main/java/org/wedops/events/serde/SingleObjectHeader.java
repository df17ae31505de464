package org.wedops.events.serde;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.apache.avro.Schema;

/**
 * The header of Avro's single-object encoding: the marker {@code C3 01} and the writer schema's 64-bit parsing
 * fingerprint, little-endian. The body that follows is the datum in Avro's binary encoding.
 */
final class SingleObjectHeader {

    static final int LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private SingleObjectHeader() {
    }

    static byte[] of(Schema writer) {
        return ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .put(MARKER_0).put(MARKER_1).putLong(SchemaCatalog.fingerprint(writer)).array();
    }

    static boolean startsWith(byte[] data) {
        return data.length >= LENGTH && data[0] == MARKER_0 && data[1] == MARKER_1;
    }

    /** The writer schema's fingerprint; only for data that {@link #startsWith(byte[]) starts with} the header. */
    static long fingerprint(byte[] data) {
        return ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
