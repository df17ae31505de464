package org.wedops.alert.api;

import java.security.Principal;
import java.time.Clock;
import java.util.UUID;

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
import org.springframework.web.server.ResponseStatusException;
import org.wedops.alert.silence.SilenceRequest;
import org.wedops.alert.silence.SilenceRequests;
import org.wedops.alert.silence.Silences;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/alerts/silences")
@RequiredArgsConstructor
class SilenceController {

    private final Silences silences;
    private final SilenceRequests requests;
    private final Clock clock;

    @PostMapping
    Mono<ResponseEntity<SilenceView>> create(@Valid @RequestBody SilenceRequest request, Principal principal) {
        return requests.create(request, principal.getName())
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(SilenceView.of(created)));
    }

    @GetMapping
    Flux<SilenceView> list(@RequestParam(defaultValue = "false") boolean all) {
        return silences.list(all, clock.instant()).map(SilenceView::of);
    }

    @GetMapping("/{id}")
    Mono<SilenceView> get(@PathVariable UUID id) {
        return silences.find(id).map(SilenceView::of)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no silence " + id)));
    }

    /** Expires the silence; alerts it held back are notified at once (catch-up), not at the next repeat. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> expire(@PathVariable UUID id, Principal principal) {
        return requests.expire(id, principal.getName()).thenReturn(ResponseEntity.noContent().build());
    }
}
