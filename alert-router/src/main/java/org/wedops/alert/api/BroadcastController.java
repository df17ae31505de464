package org.wedops.alert.api;

import java.security.Principal;
import java.util.Map;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wedops.alert.delivery.Broadcasts;

import reactor.core.publisher.Mono;

/** An ADMIN tells every integration of one receiver (e.g. leadership) something at once; audited. */
@RestController
@RequestMapping("/api/emergency/alerts/broadcast")
@RequiredArgsConstructor
class BroadcastController {

    private final Broadcasts broadcasts;

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    Mono<ResponseEntity<Map<String, Object>>> broadcast(@Valid @RequestBody Broadcasts.Broadcast request, Principal principal) {
        return broadcasts.send(request, principal.getName())
                .map(queued -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(Map.<String, Object>of("id", queued.id(), "integrations", queued.integrations())));
    }
}
