package org.wedops.apm.models;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wedops.apm.alerting.ConditionAlerts;
import org.wedops.support.database.RecurringWork;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Judges every recently observed model on a schedule and fires or resolves its drift, accuracy and bias alerts. A
 * condition the data cannot judge (too few scores or labels) keeps its state.
 */
@Component
@RequiredArgsConstructor
class ModelAlerts {

    private final ModelReports reports;
    private final ModelMonitoringProperties settings;
    private final ConditionAlerts alerts;
    private final RecurringWork work;

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        work.start("model monitoring", settings.evaluateEvery(), this::evaluateAll);
    }

    Mono<Void> evaluateAll() {
        return reports.recentlyObserved().flatMapMany(Flux::fromIterable)
                .concatMap(model -> reports.of(model, settings.reference()))
                .concatMap(report -> alerts.firing(report.modelId()).flatMapMany(firing -> Flux.fromIterable(ModelCondition.of(report))
                        .filter(ModelCondition::known)
                        .concatMap(condition -> alerts.tell(condition.toAlert(), firing.get(condition.toAlert().fingerprint())))))
                .then();
    }
}
