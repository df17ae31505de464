package org.wedops.deploy.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.wedops.deploy.deployment.Deployment;
import org.wedops.deploy.deployment.DeploymentStore;
import org.wedops.support.protection.ProtectionStates;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Watches a deployment (or its rollback) for the verification window: checks every interval, and answers a failure
 * as soon as it is confirmed (an emergency deployment checks more often and rolls back on the first failed check)
 * or an operator asked for a rollback or abort; answers a pass when the window ran out clean. From the check that
 * fails to the answer there is no wait, so a rollback starts within one interval of the signal.
 *
 * <p>A window that ends with too few requests to judge is not a pass: the watch goes on for up to the configured
 * wait for data, then the policy decides — always FAIL inside a protected window, and the verdict says so.
 */
@Component
public class Verifier {

    private final VerificationEvidence evidence;
    private final DeploymentStore store;
    private final VerificationProperties settings;
    private final VerificationPolicy policy;
    private final ProtectionStates protection;
    private final Clock clock;

    Verifier(VerificationEvidence evidence, DeploymentStore store, VerificationProperties settings, ProtectionStates protection,
             Clock clock) {
        this.evidence = evidence;
        this.store = store;
        this.settings = settings;
        this.policy = new VerificationPolicy(settings);
        this.protection = protection;
        this.clock = clock;
    }

    /** The longest a verdict on too little data waits past its deadline for this instance's protection view to catch up. */
    static final Duration VIEW_CATCH_UP = Duration.ofSeconds(30);

    /**
     * Polls for as long as this one watch lasts (a {@code Flux.interval} bound to it, not background work): it ends
     * with the verdict.
     *
     * @param since       evidence older than this says nothing about what is deployed now
     * @param operatorCan whether an operator's rollback or abort request ends the watch (not during a rollback)
     * @return PASS or FAIL, with why
     */
    public Mono<Verdict> watch(Deployment d, Instant since, boolean operatorCan) {
        Duration interval = d.emergency() ? settings.emergencyInterval() : settings.interval();
        int needed = d.emergency() ? 1 : Math.max(1, settings.confirmations());
        Instant windowEnd = since.plus(settings.window());
        Instant dataDeadline = windowEnd.plus(settings.insufficientDataWait());
        AtomicInteger failedInARow = new AtomicInteger();
        return Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> check(d, since, operatorCan), 1)
                .filter(check -> {
                    if (check.immediate()) {
                        return true;
                    }
                    int inARow = check.verdict().failed() ? failedInARow.incrementAndGet() : resetTo0(failedInARow);
                    if (inARow >= needed) {
                        return true;
                    }
                    Instant now = clock.instant();
                    if (check.verdict().outcome() == Verdict.Outcome.INSUFFICIENT_DATA) {
                        // too little data is judged by the region's protection: an instance that has just started
                        // (a successor rolling back) waits, boundedly, until its view has read the topic rather than
                        // judge a region it simply has not read yet
                        return !now.isBefore(dataDeadline) && (protection.caughtUp() || !now.isBefore(dataDeadline.plus(VIEW_CATCH_UP)));
                    }
                    return !now.isBefore(windowEnd);
                })
                .next()
                .map(check -> {
                    if (check.immediate() || check.verdict().failed() && failedInARow.get() >= needed) {
                        return check.verdict();
                    }
                    if (check.verdict().outcome() == Verdict.Outcome.INSUFFICIENT_DATA) {
                        return policy.onInsufficientData(check.now(), Duration.between(since, clock.instant()), protectedNow(d));
                    }
                    // a failure not confirmed by the end of the window, or a clean check with enough data
                    return Verdict.pass("verified for the whole window" + (check.verdict().failed() ? "" : ": " + check.verdict().reason()));
                });
    }

    /**
     * Protected as the gate sees it (DESIGN's fail-safe rule): a protected window now, or a region whose protection is
     * unknown or stale. An emergency deployment overrode a freeze, so it is judged as inside one.
     */
    private boolean protectedNow(Deployment d) {
        return d.emergency() || protection.protection(d.region()).forbidsAutomaticActions(clock.instant());
    }

    private record Check(Verdict verdict, boolean immediate, ApmStats now) {
    }

    private Mono<Check> check(Deployment d, Instant since, boolean operatorCan) {
        Instant now = clock.instant();
        Mono<Optional<String>> operator = operatorCan
                ? store.find(d.id()).map(current -> current.rollbackRequested() ? Optional.of("rollback requested by an operator")
                        : current.abortRequested() ? Optional.of("aborted by an operator") : Optional.<String>empty())
                : Mono.just(Optional.empty());
        return operator.flatMap(request -> request.isPresent() ? Mono.just(new Check(Verdict.fail(request.get()), true, ApmStats.NONE))
                : Mono.zip(evidence.criticalSince(d.service(), d.region(), since),
                                evidence.apm(d.service(), d.environment(), d.region(), d.createdAt().minus(settings.baseline()), d.createdAt()),
                                evidence.apm(d.service(), d.environment(), d.region(), since, now))
                        .map(found -> new Check(policy.check(found.getT1(), found.getT2(), found.getT3()), false, found.getT3())));
    }

    private static int resetTo0(AtomicInteger counter) {
        counter.set(0);
        return 0;
    }
}
