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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/admin/infrastructure/targets")
class TargetController {

    private final HealthTargetRepository targets;
    private final TargetSchedule schedule;
    private final Clock clock;

    TargetController(HealthTargetRepository targets, TargetSchedule schedule, Clock clock) {
        this.targets = targets;
        this.schedule = schedule;
        this.clock = clock;
    }

    @PostMapping
    Mono<ResponseEntity<HealthTarget>> register(@Valid @RequestBody TargetRegistration registration, Principal principal) {
        List<FieldProblem> problems = registration.crossFieldProblems();
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        return targets.save(registration.toTarget(clock.instant(), principal.getName()))
                .doOnNext(schedule::add)
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved))
                .onErrorMap(DuplicateKeyException.class, e -> new ResponseStatusException(HttpStatus.CONFLICT,
                        "target '" + registration.id() + "' is already registered"));
    }

    @GetMapping
    Flux<HealthTarget> list() {
        return targets.findAll();
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String id) {
        return targets.findById(id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no target '" + id + "'")))
                .flatMap(target -> targets.delete(target).then(Mono.fromRunnable(() -> schedule.remove(id))))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
