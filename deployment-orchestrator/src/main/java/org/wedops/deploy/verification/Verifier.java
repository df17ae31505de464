package org.wedops.deploy.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.wedops.deploy.DeploymentOrchestratorProperties;
import org.wedops.deploy.DeploymentOrchestratorProperties.Verification;
import org.wedops.deploy.deployment.Deployment;
import org.wedops.deploy.deployment.DeploymentStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Watches a deployment (or its rollback) for the verification window: checks every interval, and answers a failure
 * as soon as it is confirmed (an emergency deployment checks more often and rolls back on the first failed check)
 * or an operator asked for a rollback or abort; answers empty when the window ran out clean. From the check that
 * fails to the answer there is no wait, so a rollback starts within one interval of the signal.
 */
@Component
public class Verifier {

    private final VerificationEvidence evidence;
    private final DeploymentStore store;
    private final Verification settings;
    private final VerificationPolicy policy;
    private final Clock clock;

    Verifier(VerificationEvidence evidence, DeploymentStore store, DeploymentOrchestratorProperties properties, Clock clock) {
        this.evidence = evidence;
        this.store = store;
        this.settings = properties.verification();
        this.policy = new VerificationPolicy(properties.verification());
        this.clock = clock;
    }

    /**
     * @param since       evidence older than this says nothing about what is deployed now
     * @param operatorCan whether an operator's rollback or abort request ends the watch (not during a rollback)
     * @return why it failed, or empty when the window ended clean
     */
    public Mono<Optional<String>> watch(Deployment d, Instant since, boolean operatorCan) {
        Duration interval = d.emergency() ? settings.emergencyInterval() : settings.interval();
        int needed = d.emergency() ? 1 : Math.max(1, settings.confirmations());
        Instant windowEnd = since.plus(settings.window());
        AtomicInteger failedInARow = new AtomicInteger();
        return Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> check(d, since, operatorCan), 1)
                .filter(check -> {
                    if (check.immediate()) {
                        return true;
                    }
                    int inARow = check.failure().isPresent() ? failedInARow.incrementAndGet() : resetTo0(failedInARow);
                    return inARow >= needed || !clock.instant().isBefore(windowEnd);
                })
                .next()
                .map(check -> check.failure().isPresent() && (check.immediate() || failedInARow.get() >= needed)
                        ? check.failure() : Optional.<String>empty());
    }

    private record Check(Optional<String> failure, boolean immediate) {
    }

    private Mono<Check> check(Deployment d, Instant since, boolean operatorCan) {
        Instant now = clock.instant();
        Mono<Optional<String>> operator = operatorCan
                ? store.find(d.id()).map(current -> current.rollbackRequested() ? Optional.of("rollback requested by an operator")
                        : current.abortRequested() ? Optional.of("aborted by an operator") : Optional.<String>empty())
                : Mono.just(Optional.empty());
        return operator.flatMap(request -> request.isPresent() ? Mono.just(new Check(request, true))
                : Mono.zip(evidence.criticalSince(d.service(), d.region(), since),
                                evidence.apm(d.service(), d.environment(), d.region(), d.createdAt().minus(settings.baseline()), d.createdAt()),
                                evidence.apm(d.service(), d.environment(), d.region(), since, now))
                        .map(found -> new Check(policy.failure(found.getT1(), found.getT2(), found.getT3()), false)));
    }

    private static int resetTo0(AtomicInteger counter) {
        counter.set(0);
        return 0;
    }
}
