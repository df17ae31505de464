package org.wedops.health.probe;

import java.net.UnknownHostException;

/**
 * A probe target that resolves to an address the {@link ProbeAddressRule} refuses. An {@link UnknownHostException}
 * so that every HTTP client treats it as a failed resolution and never connects.
 */
public class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
