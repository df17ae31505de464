package org.wedops.alert.integration;

import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.wedops.alert.routing.SecretUrl;

/**
 * A delivery that failed, told by status and host only ("HTTP 404 from hooks.slack.com"). It keeps no cause and no
 * stack: the cause's message holds the secret URL, and this message goes to the log, the notification row,
 * ops.notifications.v1 and the alert's API answer.
 */
public final class DeliveryFailedException extends RuntimeException {

    private DeliveryFailedException(String message) {
        super(message, null, false, false);
    }

    static DeliveryFailedException of(Throwable error, SecretUrl url) {
        if (error instanceof WebClientResponseException response) {
            return new DeliveryFailedException("HTTP " + response.getStatusCode().value() + " from " + url.host());
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new DeliveryFailedException("no answer from " + url.host() + " (" + root.getClass().getSimpleName() + ")");
    }
}
