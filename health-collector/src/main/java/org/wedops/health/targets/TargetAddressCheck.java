package org.wedops.health.targets;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wedops.health.probe.ProbeAddresses;
import org.wedops.health.probe.RefusedAddressException;
import org.wedops.support.web.FieldProblem;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * At registration, the target's host is resolved and judged as a probe would judge it, so that a target aimed at
 * the cloud metadata service or an internal network is refused at the door with the field at fault. The probe
 * judges again at every connection: what was true at registration need not be true later.
 */
@Component
@RequiredArgsConstructor
class TargetAddressCheck {

    static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(3);

    private final ProbeAddresses addresses;

    Mono<List<FieldProblem>> problems(String url) {
        String host = URI.create(url).getHost();
        return Mono.fromCallable(() -> addresses.resolveAllowed(host))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(LOOKUP_TIMEOUT)
                .<List<FieldProblem>>map(resolved -> List.of())
                .onErrorResume(RefusedAddressException.class, e -> problem(e.getMessage()))
                .onErrorResume(UnknownHostException.class, e -> problem(host + " does not resolve"))
                .onErrorResume(TimeoutException.class, e -> problem(host + " did not resolve within " + LOOKUP_TIMEOUT.toSeconds() + " s"));
    }

    private static Mono<List<FieldProblem>> problem(String message) {
        return Mono.just(List.of(new FieldProblem("url", message)));
    }
}
