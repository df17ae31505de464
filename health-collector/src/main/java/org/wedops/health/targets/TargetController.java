package org.wedops.health.targets;

import java.security.Principal;
import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.audit.AuditLog;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registers and removes HTTP targets. Both are audited with the acting user, refusals included: a target refused
 * for its address is exactly what an audit should show.
 */
@RestController
@RequestMapping("/api/admin/infrastructure/targets")
class TargetController {

    private final HealthTargetRepository targets;
    private final TargetSchedule schedule;
    private final TargetAddressCheck addressCheck;
    private final AuditLog audit;
    private final TransactionalOperator transaction;
    private final Clock clock;

    TargetController(HealthTargetRepository targets, TargetSchedule schedule, TargetAddressCheck addressCheck, AuditLog audit,
                     TransactionalOperator transaction, Clock clock) {
        this.targets = targets;
        this.schedule = schedule;
        this.addressCheck = addressCheck;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<HealthTarget>> register(@Valid @RequestBody TargetRegistration registration, Principal principal) {
        List<FieldProblem> problems = registration.crossFieldProblems();
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return addressCheck.problems(registration.url()).flatMap(refused -> {
            if (!refused.isEmpty()) {
                return audit.record(clock.instant(), principal.getName(), "target.register", registration.id(), registration.reason(),
                                "REFUSED: " + refused.get(0).message())
                        .then(Mono.error(new InvalidRequestException(refused)));
            }
            return targets.save(registration.toTarget(clock.instant(), principal.getName()))
                    .flatMap(saved -> audit.record(saved.createdAt(), principal.getName(), "target.register", saved.id(),
                            registration.reason(), "REGISTERED " + saved.url()).thenReturn(saved))
                    .as(transaction::transactional)
                    .doOnNext(schedule::add)
                    .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved))
                    .onErrorMap(DuplicateKeyException.class, e -> new ResponseStatusException(HttpStatus.CONFLICT,
                            "target '" + registration.id() + "' is already registered"));
        });
    }

    @GetMapping
    Flux<HealthTarget> list() {
        return targets.findAll();
    }

    /** @param reason why the target goes, for the audit trail (optional) */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal) {
        if (reason != null && reason.length() > TargetRegistration.MAX_REASON) {
            return Mono.error(new InvalidRequestException("reason", "must be at most " + TargetRegistration.MAX_REASON + " characters"));
        }
        return targets.findById(id)
                .switchIfEmpty(audit.record(clock.instant(), principal.getName(), "target.delete", id, reason, "NOT_FOUND")
                        .then(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no target '" + id + "'"))))
                .flatMap(target -> targets.delete(target)
                        .then(audit.record(clock.instant(), principal.getName(), "target.delete", id, reason, "DELETED " + target.url()))
                        .as(transaction::transactional)
                        .then(Mono.fromRunnable(() -> schedule.remove(id))))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
