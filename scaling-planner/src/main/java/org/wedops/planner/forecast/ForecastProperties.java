package org.wedops.planner.forecast;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The throughput forecast from past APM windows.
 *
 * @param weeks           past weeks averaged per hour of the week (4)
 * @param backtestWeeks   past weeks on which the forecast's error is measured (4)
 * @param retention       how long hourly throughput is kept
 * @param minuteRetention how long 1-minute windows are kept (they make replays count once)
 * @param observedWithin  the window over which the recent throughput is read
 */
@ConfigurationProperties("wedops.planner.forecast")
public record ForecastProperties(@DefaultValue("4") int weeks, @DefaultValue("4") int backtestWeeks, @DefaultValue("70d") Duration retention,
                                 @DefaultValue("2d") Duration minuteRetention, @DefaultValue("10m") Duration observedWithin) {

    public ForecastProperties {
        if (weeks < 1 || backtestWeeks < 0) {
            throw new IllegalArgumentException("wedops.planner.forecast.weeks must be at least 1 and .backtest-weeks not negative, were "
                    + weeks + " and " + backtestWeeks);
        }
    }
}
