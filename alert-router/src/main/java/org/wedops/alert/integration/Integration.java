package org.wedops.alert.integration;

import org.wedops.events.NotificationChannel;

import reactor.core.publisher.Mono;

/** One way of telling people: a receiver's Slack webhook, e-mail list, PagerDuty service or generic webhook. */
public interface Integration {

    /** {@code <receiver>/<channel>}, e.g. {@code critical/slack}; unique, and the name of its circuit breaker. */
    String name();

    NotificationChannel channel();

    /** Delivers the notification; completes empty on success, with an error on any failure. */
    Mono<Void> deliver(GroupNotification notification);
}
