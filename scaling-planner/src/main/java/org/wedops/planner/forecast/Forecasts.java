package org.wedops.planner.forecast;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The throughput forecast of a service from its history, with its error on past weeks. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Forecasts {

    public record Point(Instant hourStart, double requestsPerMinute) {
    }

    public record Forecast(String service, String region, String model, List<Point> points, Point peak,
                           List<SeasonalForecast.WeekError> pastWeeks, Double meanAbsolutePercentageError) {
    }

    private final ThroughputHistory history;
    private final ForecastProperties properties;

    /** Forecast requests per minute for every hour of [from, from + hours), and the error of the same model on past weeks. */
    public Mono<Forecast> forecast(String service, String region, Instant from, int hours) {
        int weeks = properties.weeks();
        int backtest = properties.backtestWeeks();
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        Instant readFrom = first.minus(SeasonalForecast.WEEK.multipliedBy((long) weeks + backtest));
        Instant readTo = first.plus(Duration.ofHours(hours));
        return history.hourly(service, region, readFrom, readTo).map(hourly -> {
            SeasonalForecast model = new SeasonalForecast(hourly, weeks);
            List<Point> points = new ArrayList<>();
            Point peak = null;
            for (int hour = 0; hour < hours; hour++) {
                Instant start = first.plus(Duration.ofHours(hour));
                Double requests = model.forecast(start);
                Point point = new Point(start, requests == null ? 0 : requests / 60.0);
                points.add(point);
                if (peak == null || point.requestsPerMinute() > peak.requestsPerMinute()) {
                    peak = point;
                }
            }
            List<SeasonalForecast.WeekError> errors = new ArrayList<>();
            double percentage = 0;
            int weeksWithTraffic = 0;
            for (int week = backtest; week >= 1; week--) {
                SeasonalForecast.WeekError error = model.errorOver(first.minus(SeasonalForecast.WEEK.multipliedBy(week)));
                errors.add(error);
                if (error.meanAbsolutePercentageError() != null) {
                    percentage += error.meanAbsolutePercentageError();
                    weeksWithTraffic++;
                }
            }
            return new Forecast(service, region, "mean of the same hour of the week over the last " + weeks + " weeks", points, peak,
                    errors, weeksWithTraffic == 0 ? null : percentage / weeksWithTraffic);
        });
    }

    /** The highest forecast requests per minute over [from, to); 0 without history. */
    public Mono<Double> peakPerMinute(String service, String region, Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        int weeks = properties.weeks();
        return history.hourly(service, region, first.minus(SeasonalForecast.WEEK.multipliedBy(weeks)), to).map(hourly -> {
            SeasonalForecast model = new SeasonalForecast(hourly, weeks);
            double peak = 0;
            for (Instant start = first; start.isBefore(to); start = start.plus(Duration.ofHours(1))) {
                Double requests = model.forecast(start);
                if (requests != null) {
                    peak = Math.max(peak, requests / 60.0);
                }
            }
            return peak;
        });
    }
}
