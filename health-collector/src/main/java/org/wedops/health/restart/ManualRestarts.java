package org.wedops.health.restart;

import java.time.Clock;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.health.status.TargetStatusStore;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.protection.RegionProtection;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * A restart asked for by a person: checked against {@link ManualRestartRule}, decided by the restart rules as any
 * restart is (a protected window holds it unless an ADMIN declares an emergency), and audited with its outcome.
 */
@Component
@RequiredArgsConstructor
class ManualRestarts {

    /** @param protection the target's region's protection when decided, for a refusal to say until when */
    record Outcome(RestartPolicy.Decision decision, RegionProtection protection) {
    }

    private final TargetStatusStore statuses;
    private final RestartDecisions decisions;
    private final AuditLog audit;
    private final Clock clock;

    Mono<Outcome> restart(String id, String who, boolean admin, boolean emergency, String reason) {
        Mono<Void> refused = switch (ManualRestartRule.judge(emergency, admin, reason)) {
            case ACCEPTED -> Mono.empty();
            case NEEDS_ADMIN -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "an emergency restart needs the ADMIN role"));
            case NEEDS_REASON -> Mono.error(new InvalidRequestException("reason", "an emergency restart needs a written reason"));
            case REASON_TOO_LONG -> Mono.error(new InvalidRequestException("reason",
                    "must be at most " + ManualRestartRule.MAX_REASON + " characters"));
        };
        return refused.then(statuses.find(id))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no container or pod '" + id + "'")))
                .flatMap(status -> decisions.byHand(status.subject(), who, emergency, reason)
                        .flatMap(decision -> audit.record(clock.instant(), who, emergency ? "container.restart.emergency" : "container.restart",
                                        id, reason, (decision.restart() ? "RESTARTED: " : "REFUSED: ") + decision.reason())
                                .thenReturn(new Outcome(decision, decisions.protectionOf(status.region())))));
    }
}
