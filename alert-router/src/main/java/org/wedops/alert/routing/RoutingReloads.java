package org.wedops.alert.routing;

import java.time.Clock;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.alert.routing.Routing.LoadOutcome;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * An admin has the routing file read now instead of at the next periodic check; audited with its outcome (applied,
 * unchanged, or refused with the problems, which never quote a secret).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RoutingReloads {

    static final int MAX_REASON = 500;

    private final Routing routing;
    private final AuditLog audit;
    private final Clock clock;

    public Mono<LoadOutcome> reloadNow(String reason, String who) {
        if (reason != null && reason.length() > MAX_REASON) {
            return Mono.error(new InvalidRequestException("reason", "must be at most " + MAX_REASON + " characters"));
        }
        return Mono.defer(() -> {
            LoadOutcome before = routing.lastLoad();
            return routing.reloadIfChangedLater().flatMap(after -> audit.record(clock.instant(), who, "routing.reload", "routing", reason,
                    outcome(before, after)).thenReturn(after));
        });
    }

    /** What the audit row says: a check that found the file as it was returns the last outcome itself. */
    static String outcome(LoadOutcome before, LoadOutcome after) {
        if (after == before) {
            return "UNCHANGED";
        }
        return after.applied() ? "APPLIED" : "REFUSED: " + String.join("; ", after.problems());
    }
}
