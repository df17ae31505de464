package org.wedops.planner.scaling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.planner.scaling.ScalingProperties.ManagedService;
import org.wedops.planner.forecast.ForecastProperties;
import org.wedops.planner.forecast.Forecasts;
import org.wedops.planner.forecast.ThroughputHistory;
import org.wedops.planner.lease.PlannerLease;
import org.wedops.planner.protection.Protection;
import org.wedops.planner.protection.ProtectionPlanner;
import org.wedops.planner.protection.ProtectionStatePublisher;
import org.wedops.planner.protection.ProtectionTimeline;
import org.wedops.planner.targethealth.TargetHealthStore;
import org.wedops.support.database.RecurringWork;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides every managed service's replicas, every interval and right after protection changes, on the lease
 * holder only: protection now and within the lead time, throughput forecast and observed, unhealthy targets, then
 * {@link ScalingRules}; a manual override stands until it expires. Services are decided one after another.
 */
@Component
public class ScalingLoop {

    private static final Logger log = LoggerFactory.getLogger(ScalingLoop.class);

    private final ScalingProperties properties;
    private final ForecastProperties forecastSettings;
    private final ProtectionPlanner planner;
    private final ProtectionStatePublisher protection;
    private final Forecasts forecasts;
    private final ThroughputHistory throughput;
    private final TargetHealthStore health;
    private final ReplicaTarget target;
    private final ManualOverrides overrides;
    private final ScalingDecisions decisions;
    private final PlannerLease lease;
    private final RecurringWork work;
    private final Clock clock;
    private final Stabiliser stabiliser;

    ScalingLoop(ScalingProperties properties, ForecastProperties forecastSettings, ProtectionPlanner planner, ProtectionStatePublisher protection, Forecasts forecasts,
                ThroughputHistory throughput, TargetHealthStore health, ReplicaTarget target, ManualOverrides overrides,
                ScalingDecisions decisions, PlannerLease lease, RecurringWork work, Clock clock) {
        this.properties = properties;
        this.forecastSettings = forecastSettings;
        this.planner = planner;
        this.protection = protection;
        this.forecasts = forecasts;
        this.throughput = throughput;
        this.health = health;
        this.target = target;
        this.overrides = overrides;
        this.decisions = decisions;
        this.lease = lease;
        this.work = work;
        this.clock = clock;
        this.stabiliser = new Stabiliser(properties.scaleDownStabilisation());
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        lease.leadership().filter(taken -> !taken).subscribe(lost -> stabiliser.forget());
        work.start("scaling", properties.interval(), protection.published(), this::decideAll);
    }

    /** One round over every managed service; nothing unless this instance holds the lease. */
    public Mono<Void> decideAll() {
        List<ManagedService> services = properties.services();
        if (services.isEmpty() || !lease.isHeld()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return planner.fromNow(now).flatMapMany(timelines -> Flux.fromIterable(services)
                        .concatMap(service -> decide(service, timelines.get(service.region()), now)
                                .onErrorResume(e -> {
                                    log.warn("Scaling decision for {} failed: {}", service.name(), e.toString());
                                    return Mono.empty();
                                })))
                .then();
    }

    /** What protection, throughput and health ask of the service now (no stabilisation, no override). */
    public Mono<ScalingRules.Recommendation> recommend(ManagedService service, Instant now) {
        return planner.fromNow(service.region(), now).flatMap(timeline -> recommend(service, timeline, now));
    }

    public Optional<ManagedService> service(String name) {
        return properties.services().stream().filter(service -> service.name().equals(name)).findFirst();
    }

    private Mono<Void> decide(ManagedService service, ProtectionTimeline timeline, Instant now) {
        if (timeline == null) {
            log.debug("No protection known for region {} of {} yet", service.region(), service.name());
            return Mono.empty();
        }
        Protection current = timeline.at(now);
        return Mono.zip(recommend(service, timeline, now), target.current(service),
                        overrides.active(service.name(), now).map(Optional::of).defaultIfEmpty(Optional.empty()))
                .flatMap(decided -> {
                    ScalingRules.Recommendation recommendation = decided.getT1();
                    int replicas = decided.getT2();
                    Optional<ManualOverrides.Override> override = decided.getT3();
                    ScalingRules.Decision decision;
                    if (override.isPresent()) {
                        ManualOverrides.Override manual = override.get();
                        decision = new ScalingRules.Decision(replicas, manual.replicas(),
                                "manual by " + manual.decidedBy() + " until " + manual.until() + ": " + manual.reason());
                    } else {
                        Integer highest = stabiliser.recordAndGetHighest(service.name(), now, recommendation.desired());
                        decision = ScalingRules.decide(recommendation, replicas, current.isProtected(), highest, current.freezeUntil());
                    }
                    if (!decision.changes()) {
                        return Mono.empty();
                    }
                    return decisions.execute(service, decision.from(), decision.to(), current.level(), decision.reason(),
                            recommendation.inputs(), "planner", now).then();
                });
    }

    private Mono<ScalingRules.Recommendation> recommend(ManagedService service, ProtectionTimeline timeline, Instant now) {
        Protection current = timeline.at(now);
        Instant leadEnd = now.plus(properties.leadTime());
        List<Protection> ahead = timeline.between(now, leadEnd);
        return Mono.zip(forecasts.peakPerMinute(service.name(), service.region(), now, leadEnd),
                        throughput.busiestMinuteSince(service.name(), service.region(), now.minus(forecastSettings.observedWithin())),
                        health.criticalCount(service.name(), service.region(), now.minus(properties.unhealthyWithin())))
                .map(inputs -> ScalingRules.recommend(service.replicas().policy(),
                        new ScalingRules.Inputs(current, ahead, inputs.getT1(), inputs.getT2(), inputs.getT3())));
    }
}
