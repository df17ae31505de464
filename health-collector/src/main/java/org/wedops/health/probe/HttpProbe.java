package org.wedops.health.probe;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * Calls a target's health URL with its own timeout; never fails, always answers with what it saw. Every connection
 * goes through {@link GuardedAddressResolverGroup}, so a probe reaches only addresses the {@link ProbeAddressRule}
 * allows, however the target's name resolves at that moment; redirects are not followed (a 3xx is the answer).
 */
@Component
public class HttpProbe {

    private static final int MAX_BODY = 4096;

    private final WebClient client;

    public HttpProbe(WebClient.Builder builder, ProbeAddresses addresses) {
        HttpClient http = HttpClient.create()
                .resolver(new GuardedAddressResolverGroup(addresses, Schedulers.boundedElastic()))
                // no proxy either: a proxy would resolve and connect for us, unchecked
                .followRedirect(false);
        // Not observed: each target's URL would be a tag value of http.client.requests (Micrometer then stops the meter
        // at its cap, 100 by default, and warns) and each probe a trace of its own; the check history and its meters say
        // what a probe saw and took.
        this.client = builder.clone().clientConnector(new ReactorClientHttpConnector(http))
                .observationRegistry(ObservationRegistry.NOOP)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024)).build();
    }

    public Mono<ProbeResult> probe(String url, Duration timeout) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            URI uri;
            try {
                // the URL as it is, not as a template: braces in a target's URL are not placeholders
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                return Mono.just(ProbeResult.failed(since(started), "not a valid URL"));
            }
            return client.get().uri(uri)
                    .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(body -> ProbeResult.response(status(response.statusCode()), since(started), truncate(body))))
                    .timeout(timeout)
                    .onErrorResume(TimeoutException.class, e -> Mono.just(ProbeResult.timeout(timeout)))
                    .onErrorResume(e -> Mono.just(ProbeResult.failed(since(started), describe(e))));
        });
    }

    private static int status(HttpStatusCode code) {
        return code.value();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static String truncate(String body) {
        return body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
    }

    private static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedAddressException refused) {
                return "address refused: " + refused.getMessage();
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
        }
        return "probe failed: " + e.getClass().getSimpleName();
    }
}
