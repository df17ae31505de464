package org.wedops.deploy.api;

import java.util.Arrays;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.wedops.deploy.deployment.DeploymentStore;
import org.wedops.events.DeploymentPhase;
import org.wedops.support.web.InvalidRequestException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deployments as the API shows them: a filtered history, newest first, or one with its phases. */
@Component
@RequiredArgsConstructor
class DeploymentHistory {

    static final int MOST = 1000;

    private final DeploymentStore store;

    /** Blank filters match everything; a phase that does not exist or a limit outside 1..1000 is a 400 naming the field. */
    Flux<DeploymentView> list(String service, String environment, String region, String phase, int limit) {
        DeploymentPhase wanted = null;
        if (phase != null && !phase.isBlank()) {
            try {
                wanted = DeploymentPhase.valueOf(phase);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("phase", "must be one of " + Arrays.toString(DeploymentPhase.values()));
            }
        }
        if (limit < 1 || limit > MOST) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MOST);
        }
        return store.history(blankToNull(service), blankToNull(environment), blankToNull(region), wanted, limit).map(DeploymentView::of);
    }

    Mono<DeploymentView> one(UUID id) {
        return store.find(id)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no deployment " + id)))
                .flatMap(d -> store.phases(id).collectList().map(changes -> DeploymentView.of(d, changes)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
