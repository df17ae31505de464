package org.wedops.alert.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.wedops.alert.integration.GroupNotification;
import org.wedops.alert.integration.Integration;
import org.wedops.alert.integration.Integrations;
import org.wedops.alert.routing.Routing;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * An admin tells every integration of one receiver (e.g. leadership) something at once: one outbox row per
 * integration and the audit row, in one transaction, then the dispatcher is woken.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Broadcasts {

    /** What the admin says, to whom, and why. */
    public record Broadcast(@NotBlank String receiver, @NotBlank @Size(max = 2000) String message, @NotBlank @Size(max = 500) String reason) {
    }

    /** The broadcast's id and the integrations it was queued for. */
    public record Queued(String id, List<String> integrations) {
    }

    private final Routing routing;
    private final Integrations integrations;
    private final NotificationOutbox outbox;
    private final AuditLog audit;
    private final DispatchTrigger trigger;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public Mono<Queued> send(Broadcast request, String by) {
        if (!routing.config().receivers().containsKey(request.receiver())) {
            return Mono.error(new InvalidRequestException("receiver", "no receiver named '" + request.receiver() + "'"));
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        List<Integration> targets = integrations.of(request.receiver());
        GroupNotification content = new GroupNotification("BROADCAST", request.receiver(), "broadcast/" + id,
                Map.of("alertname", "Broadcast", "from", by), List.of(), List.of(),
                request.message() + " — " + by + " (" + request.reason() + ")");
        return outbox.enqueueEach("broadcast/" + id + ":", content, targets, null, List.of(), now)
                .then(audit.record(now, by, "broadcast", request.receiver(), request.reason(), "QUEUED to " + targets.size()))
                .as(transaction::transactional)
                .doOnSuccess(done -> trigger.poke())
                .thenReturn(new Queued(id, targets.stream().map(Integration::name).toList()));
    }
}
