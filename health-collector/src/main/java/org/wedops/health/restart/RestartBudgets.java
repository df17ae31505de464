package org.wedops.health.restart;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * Each target's automatic-restart budget (default 3 per hour) as a resilience4j rate limiter per target: a budget is
 * a rate, and the limiter refills by itself at the end of each period.
 */
@Component
public class RestartBudgets {

    private final RateLimiterRegistry limiters;

    RestartBudgets(RestartProperties restarts) {
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(restarts.budget())
                .limitRefreshPeriod(restarts.budgetPeriod())
                .timeoutDuration(Duration.ZERO)
                .build());
    }

    /** Takes one restart from the target's budget; false when it is spent. */
    public boolean take(String targetId) {
        RateLimiter limiter = limiters.rateLimiter(targetId);
        return limiter.acquirePermission();
    }

    public boolean hasLeft(String targetId) {
        return limiters.rateLimiter(targetId).getMetrics().getAvailablePermissions() > 0;
    }
}
