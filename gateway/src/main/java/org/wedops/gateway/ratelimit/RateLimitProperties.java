package org.wedops.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets per client (token subject, or IP address without a token) and route. Buckets live in each gateway
 * instance's memory: with N instances behind a load balancer a client gets up to N times the budget, which is what
 * these limits are for (a runaway script, a retry storm, a token guesser), not exact quotas.
 *
 * @param enabled       whether limits apply at all
 * @param api           budget for admin API calls, per client and route
 * @param ingest        budget for posts to ingest endpoints, per client and route: emitters send far more than admins
 * @param refusedTokens budget of 401 answers per client address, whatever the route: once spent, the address gets 429
 *                      before its tokens are even looked at (a token guesser, a script with a stale token)
 * @param maxClients    buckets kept at most; idle ones expire (a full bucket is as good as a new one) and, at the bound,
 *                      rarely used ones are evicted first
 */
@ConfigurationProperties("wedops.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        Limit api,
        Limit ingest,
        Limit refusedTokens,
        @DefaultValue("100000") int maxClients) {

    public RateLimitProperties {
        api = api != null ? api : new Limit(120, Duration.ofMinutes(1));
        ingest = ingest != null ? ingest : new Limit(6000, Duration.ofMinutes(1));
        refusedTokens = refusedTokens != null ? refusedTokens : new Limit(30, Duration.ofMinutes(1));
        if (maxClients <= 0) {
            throw new IllegalArgumentException("wedops.gateway.rate-limit.max-clients must be > 0");
        }
    }

    /**
     * @param requests requests allowed per {@code per}; also the burst a client may send at once
     * @param per      the period over which {@code requests} refill, evenly
     */
    public record Limit(long requests, @DefaultValue("1m") Duration per) {

        public Limit {
            if (requests <= 0 || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs requests > 0 and a positive period, got " + requests + " per " + per);
            }
        }
    }
}
