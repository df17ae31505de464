package org.wedops.health.targets;

import java.security.Principal;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;
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

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/admin/infrastructure/targets}: HTTP targets registered, listed and removed (see {@link TargetRegistrations}). */
@RestController
@RequestMapping("/api/admin/infrastructure/targets")
@RequiredArgsConstructor
class TargetController {

    private final TargetRegistrations registrations;
    private final HealthTargetRepository targets;

    @PostMapping
    Mono<ResponseEntity<HealthTarget>> register(@Valid @RequestBody TargetRegistration registration, Principal principal) {
        return registrations.register(registration, principal.getName())
                .map(saved -> ResponseEntity.status(HttpStatus.CREATED).body(saved));
    }

    @GetMapping
    Flux<HealthTarget> list() {
        return targets.findAll();
    }

    /** @param reason why the target goes, for the audit trail (optional) */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> remove(@PathVariable String id, @RequestParam(required = false) String reason, Principal principal) {
        return registrations.remove(id, reason, principal.getName()).thenReturn(ResponseEntity.noContent().build());
    }
}
