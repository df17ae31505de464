package org.wedops.health.targets;

import java.time.Clock;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Mono;

/**
 * Registers and removes HTTP targets through the admin API, each audited with the acting user, refusals included: a
 * target refused for its address is exactly what an audit should show. A target is stored and audited in one
 * transaction, and scheduled once both are.
 */
@Component
@RequiredArgsConstructor
class TargetRegistrations {

    private final HealthTargetRepository targets;
    private final TargetSchedule schedule;
    private final TargetAddressCheck addressCheck;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final Clock clock;

    Mono<HealthTarget> register(TargetRegistration registration, String who) {
        List<FieldProblem> problems = registration.crossFieldProblems();
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return addressCheck.problems(registration.url()).flatMap(refused -> {
            if (!refused.isEmpty()) {
                return audit.record(clock.instant(), who, "target.register", registration.id(), registration.reason(),
                                "REFUSED: " + refused.get(0).message())
                        .then(Mono.error(new InvalidRequestException(refused)));
            }
            return targets.save(registration.toTarget(clock.instant(), who))
                    .flatMap(saved -> audit.record(saved.createdAt(), who, "target.register", saved.id(),
                            registration.reason(), "REGISTERED " + saved.url()).thenReturn(saved))
                    .as(transaction::transactional)
                    .doOnNext(schedule::add)
                    .onErrorMap(DuplicateKeyException.class, e -> new ResponseStatusException(HttpStatus.CONFLICT,
                            "target '" + registration.id() + "' is already registered"));
        });
    }

    /** @param reason why the target goes, for the audit trail (optional) */
    Mono<Void> remove(String id, String reason, String who) {
        if (reason != null && reason.length() > TargetRegistration.MAX_REASON) {
            return Mono.error(new InvalidRequestException("reason", "must be at most " + TargetRegistration.MAX_REASON + " characters"));
        }
        return targets.findById(id)
                .switchIfEmpty(audit.record(clock.instant(), who, "target.delete", id, reason, "NOT_FOUND")
                        .then(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no target '" + id + "'"))))
                .flatMap(target -> targets.delete(target)
                        .then(audit.record(clock.instant(), who, "target.delete", id, reason, "DELETED " + target.url()))
                        .as(transaction::transactional)
                        .then(Mono.fromRunnable(() -> schedule.remove(id))))
                .then();
    }
}
