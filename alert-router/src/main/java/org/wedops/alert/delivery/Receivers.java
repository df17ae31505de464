package org.wedops.alert.delivery;

import java.util.List;
import java.util.Optional;

/** The receivers configured in this instance; which ones an alert goes to is decided by {@link #forAlert}. */
public record Receivers(List<Receiver> all) {

    public Optional<Receiver> named(String name) {
        return all.stream().filter(receiver -> receiver.name().equals(name)).findFirst();
    }

    /** Every configured receiver for now; the route tree will choose per alert. */
    public List<Receiver> forAlert() {
        return all;
    }
}
