package org.wedops.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import reactor.core.publisher.Mono;

/**
 * At most one fetch of the issuer's keys (and discovery document) per address and interval; within it the last good
 * answer is served again. The resource server fetches the JWKS again for every token naming a key id it does not
 * know, so without this a stream of tokens with made-up key ids becomes a stream of requests against the identity
 * provider. The cost: a key the issuer starts signing with less than the interval after the last fetch is accepted
 * only once the interval has passed (Nimbus's own JWK source rate-limits the same way, 30 s by default).
 */
@RequiredArgsConstructor
final class KeyFetchLimit implements ExchangeFilterFunction {

    private final Duration interval;
    private final Clock clock;
    private final Map<URI, Answer> recent = new ConcurrentHashMap<>();

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        if (interval.isZero() || !HttpMethod.GET.equals(request.method())) {
            return next.exchange(request);
        }
        Answer last = recent.get(request.url());
        if (last != null && clock.instant().isBefore(last.at().plus(interval))) {
            return Mono.just(last.response());
        }
        return next.exchange(request).flatMap(response -> response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .map(body -> {
                    Answer answer = new Answer(clock.instant(), response.statusCode(), response.headers().asHttpHeaders(), body);
                    if (response.statusCode().is2xxSuccessful()) {
                        recent.put(request.url(), answer);
                    }
                    return answer.response();
                }));
    }

    private record Answer(Instant at, HttpStatusCode status, HttpHeaders headers, byte[] body) {

        ClientResponse response() {
            return ClientResponse.create(status)
                    .headers(copy -> copy.addAll(headers))
                    .body(new String(body, StandardCharsets.UTF_8))
                    .build();
        }
    }
}
