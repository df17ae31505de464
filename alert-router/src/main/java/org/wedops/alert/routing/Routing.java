package org.wedops.alert.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.wedops.support.database.RecurringWork;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The routing in force. It is loaded at start (an invalid file then stops the service: better than routing
 * nothing) and reloaded when the file changes; an invalid change is refused with its errors and the previous
 * routing stays in force.
 */
@Component
public class Routing {

    private static final Logger log = LoggerFactory.getLogger(Routing.class);

    /** The last load attempt: when, whether it was taken, and what was wrong with it. */
    public record LoadOutcome(Instant at, boolean applied, List<String> problems) {
    }

    private final Resource file;
    private final Duration reloadCheck;
    private final RecurringWork work;
    private final Clock clock;
    private final SecretLookup secrets;
    private final AtomicReference<RoutingConfig> current = new AtomicReference<>();
    private final AtomicReference<LoadOutcome> lastLoad = new AtomicReference<>();
    private volatile String lastContent;

    /** @param environment where {@code ${NAME}} placeholders of the routing file are looked up (environment variables first) */
    public Routing(RoutingProperties properties, RecurringWork work, Clock clock, Environment environment) throws IOException {
        this.file = properties.file();
        this.reloadCheck = properties.reloadCheck();
        this.work = work;
        this.clock = clock;
        this.secrets = SecretLookup.of(environment::getProperty);
        String content = read();
        current.set(RoutingConfigParser.parse(content, secrets));
        lastContent = content;
        lastLoad.set(new LoadOutcome(clock.instant(), true, List.of()));
        log.info("Routing loaded from {}", file.getDescription());
    }

    public RoutingConfig config() {
        return current.get();
    }

    public LoadOutcome lastLoad() {
        return lastLoad.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("Routing reload check", reloadCheck, this::reloadIfChangedLater);
    }

    /** {@link #reloadIfChanged()} off the event loop: reading the file blocks. */
    public Mono<LoadOutcome> reloadIfChangedLater() {
        return Mono.fromCallable(this::reloadIfChanged).subscribeOn(Schedulers.boundedElastic());
    }

    public LoadOutcome reloadIfChanged() {
        String content;
        try {
            content = read();
        } catch (IOException e) {
            return record(new LoadOutcome(clock.instant(), false, List.of("cannot read " + file.getDescription() + ": " + e.getMessage())));
        }
        if (content.equals(lastContent)) {
            return lastLoad.get();
        }
        lastContent = content;
        try {
            current.set(RoutingConfigParser.parse(content, secrets));
            log.info("Routing reloaded from {}", file.getDescription());
            return record(new LoadOutcome(clock.instant(), true, List.of()));
        } catch (RoutingConfigParser.InvalidRoutingException e) {
            log.error("Routing change refused, previous routing stays in force: {}", e.problems());
            return record(new LoadOutcome(clock.instant(), false, e.problems()));
        }
    }

    private LoadOutcome record(LoadOutcome outcome) {
        lastLoad.set(outcome);
        return outcome;
    }

    private String read() throws IOException {
        try (var in = file.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
