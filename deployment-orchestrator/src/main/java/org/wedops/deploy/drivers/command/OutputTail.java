package org.wedops.deploy.drivers.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the last bytes of a process's output in a fixed ring, read on its own thread so a chatty process never blocks
 * on a full pipe; a deploy tool that prints gigabytes costs no more memory than one that prints a line.
 */
final class OutputTail extends Thread {

    private final InputStream in;
    private final byte[] ring;
    private long total;

    OutputTail(InputStream in, int keep) {
        super("command-output");
        setDaemon(true);
        this.in = in;
        this.ring = new byte[keep];
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                append(buffer, read);
            }
        } catch (IOException ignored) {
            // the process ended or was killed: what was read is what there is
        }
    }

    synchronized void append(byte[] bytes, int length) {
        int skipped = Math.max(0, length - ring.length);
        total += skipped;
        for (int i = skipped; i < length; i++) {
            ring[(int) (total % ring.length)] = bytes[i];
            total++;
        }
    }

    /** The kept end, after a note of how much was dropped before it. */
    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        byte[] ordered = new byte[kept];
        int start = (int) ((total - kept) % ring.length);
        for (int i = 0; i < kept; i++) {
            ordered[i] = ring[(start + i) % ring.length];
        }
        String tail = new String(ordered, StandardCharsets.UTF_8).strip();
        long dropped = total - kept;
        return dropped == 0 ? tail : "[" + dropped + " earlier bytes dropped] …" + tail;
    }
}
