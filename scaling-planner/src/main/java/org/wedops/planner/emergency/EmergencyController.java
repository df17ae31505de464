package org.wedops.planner.emergency;

import java.security.Principal;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code POST /api/infrastructure/emergency/activate} and {@code /deactivate} (ADMIN, with a reason); {@code GET} lists them. */
@RestController
@RequestMapping("/api/infrastructure/emergency")
@RequiredArgsConstructor
class EmergencyController {

    private final Emergencies emergencies;
    private final EmergencyDeclarations declarations;

    /** @param region one region; absent means every region the planner knows */
    record EmergencyRequest(String reason, String region) {
    }

    @GetMapping
    Flux<Emergencies.Active> active() {
        return emergencies.active();
    }

    @PostMapping("/activate")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<EmergencyDeclarations.Outcome> activate(@RequestBody(required = false) EmergencyRequest request, Principal principal) {
        return declarations.declare(body(request).region(), request.reason(), principal.getName());
    }

    @PostMapping("/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    Mono<EmergencyDeclarations.Outcome> deactivate(@RequestBody(required = false) EmergencyRequest request, Principal principal) {
        return declarations.end(body(request).region(), request.reason(), principal.getName());
    }

    private static EmergencyRequest body(EmergencyRequest request) {
        if (request == null) {
            throw new InvalidRequestException("reason", "a written reason is required");
        }
        return request;
    }
}
