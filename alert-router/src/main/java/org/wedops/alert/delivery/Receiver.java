package org.wedops.alert.delivery;

import org.wedops.alert.lifecycle.AlertLifecycle.Notify;
import org.wedops.alert.lifecycle.StoredAlert;
import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;

/** Somewhere notifications go. The payload is rendered when queued, so what is sent is what the event said. */
public interface Receiver {

    String name();

    NotificationChannel channel();

    /** The message to deliver, as JSON. */
    String render(StoredAlert alert, Notify kind);

    /** Delivers a rendered message; completes empty on success, with an error on any failure. */
    Mono<Void> deliver(String payload);
}
