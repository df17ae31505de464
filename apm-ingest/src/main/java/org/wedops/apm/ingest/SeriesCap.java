package org.wedops.apm.ingest;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.wedops.support.web.FieldProblem;

/**
 * How many distinct series each service has at the door, capped: a sample of a new series beyond a service's cap, or
 * of a new service beyond the services' cap, is refused, so neither the windows, the error groups nor anything tagged
 * by service downstream can grow without bound. A series (or service) unseen for {@code idleAfter} frees its place.
 * Memory is bounded by the two caps times a series key's length (itself bounded by {@link LabelLimits}).
 * <p>
 * Counted per instance: with n instances behind a balancer a service can reach n times its cap in the worst case.
 * Pure Java; the clock is the caller's.
 */
final class SeriesCap {

    /** A series' last-seen time is written at most this often, so that known series cost one read per sample. */
    private static final long TOUCH_EVERY_MS = 60_000;

    private final int maxPerService;
    private final int maxServices;
    private final long idleMs;
    private final ConcurrentHashMap<String, ServiceSeries> services = new ConcurrentHashMap<>();
    private final FieldProblem tooManyServices;
    private long lastServicesSweep;

    SeriesCap(int maxPerService, int maxServices, Duration idleAfter) {
        this.maxPerService = maxPerService;
        this.maxServices = maxServices;
        this.idleMs = idleAfter.toMillis();
        this.tooManyServices = new FieldProblem("service", "the door already tracks its cap of " + maxServices
                + " services (wedops.apm.series.max-services); a new service is refused until one has been idle for "
                + SampleValidator.describe(idleAfter));
    }

    /** The service's series, or null when it is new and there is no room for it. */
    ServiceSeries of(String service, long nowMs) {
        ServiceSeries known = services.get(service);
        if (known != null) {
            known.touch(nowMs);
            return known;
        }
        synchronized (services) {
            known = services.get(service);
            if (known != null) {
                return known;
            }
            if (services.size() >= maxServices && nowMs - lastServicesSweep >= sweepEvery()) {
                lastServicesSweep = nowMs;
                services.values().removeIf(series -> series.idleSince(nowMs) && series.emptyAfterSweep(nowMs));
            }
            if (services.size() >= maxServices) {
                return null;
            }
            ServiceSeries fresh = new ServiceSeries(service, nowMs);
            services.put(service, fresh);
            return fresh;
        }
    }

    /** Why a sample of a new service is refused. */
    FieldProblem tooManyServices() {
        return tooManyServices;
    }

    private long sweepEvery() {
        // a full cap under a flood of new series is swept at most this often, not once per refused sample
        return Math.min(idleMs, 1_000);
    }

    /** The series of one service. */
    final class ServiceSeries {

        private final ConcurrentHashMap<String, long[]> series = new ConcurrentHashMap<>();
        private final FieldProblem full;
        private volatile long lastSeen;
        private long lastSweep;

        private ServiceSeries(String service, long nowMs) {
            this.lastSeen = nowMs;
            this.full = new FieldProblem("service", "service '" + service + "' already has its cap of " + maxPerService
                    + " distinct series (kind, operation, provider, region, environment; wedops.apm.series.max-per-service); "
                    + "a sample of a new series is refused until one has been idle for " + SampleValidator.describe(Duration.ofMillis(idleMs)));
        }

        /** Whether a sample of this series may be taken: it is known, or there is room for it. */
        boolean admit(String seriesKey, long nowMs) {
            long[] seen = series.get(seriesKey);
            if (seen != null) {
                if (nowMs - seen[0] >= TOUCH_EVERY_MS) {
                    seen[0] = nowMs; // a racy write of a coarse time: either writer's value will do
                }
                return true;
            }
            synchronized (this) {
                if (series.containsKey(seriesKey)) {
                    return true;
                }
                if (series.size() >= maxPerService && nowMs - lastSweep >= sweepEvery()) {
                    lastSweep = nowMs;
                    series.values().removeIf(at -> nowMs - at[0] >= idleMs);
                }
                if (series.size() >= maxPerService) {
                    return false;
                }
                series.put(seriesKey, new long[] {nowMs});
                return true;
            }
        }

        /** Why a sample of a new series of this service is refused. */
        FieldProblem full() {
            return full;
        }

        private void touch(long nowMs) {
            if (nowMs - lastSeen >= TOUCH_EVERY_MS) {
                lastSeen = nowMs;
            }
        }

        private boolean idleSince(long nowMs) {
            return nowMs - lastSeen >= idleMs;
        }

        private synchronized boolean emptyAfterSweep(long nowMs) {
            series.values().removeIf(at -> nowMs - at[0] >= idleMs);
            return series.isEmpty();
        }
    }
}
