package org.wedops.health.targets;

import java.time.Clock;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Stores the targets listed in configuration, keeping any registered under the same id through the API. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ConfiguredTargets {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredTargets.class);

    private final TargetProperties properties;
    private final HealthTargetRepository targets;
    private final Clock clock;

    public Mono<Void> store() {
        return Flux.fromIterable(properties.targets())
                .concatMap(registration -> targets.existsById(registration.id())
                        .flatMap(exists -> exists ? Mono.empty()
                                : targets.save(registration.toTarget(clock.instant(), "configuration"))
                                        .doOnNext(saved -> log.info("Configured target {} -> {}", saved.id(), saved.url()))))
                .then();
    }
}
