package org.wedops.apm.metrics;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

@RestController
@RequiredArgsConstructor
class MetricsController {

    private final MetricsReader reader;

    record MetricSeries(String metric, String aggregation, String interval, List<MetricPoint> points) {
    }

    /** e.g. {@code ?metric=duration&aggregation=p95&interval=1m&from=…&to=…&service=payments} */
    @GetMapping("/api/apm/metrics")
    Mono<MetricSeries> metrics(@RequestParam(required = false) String metric, @RequestParam(required = false) String aggregation,
                               @RequestParam(required = false) String interval, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to, @RequestParam(required = false) String service,
                               @RequestParam(required = false) String provider, @RequestParam(required = false) String region,
                               @RequestParam(required = false) String environment) {
        MetricsQuery query = MetricsQuery.parse(metric, aggregation, interval, from, to, service, provider, region, environment);
        return reader.points(query).collectList()
                .map(points -> new MetricSeries(query.metric(), query.aggregation().label(), query.interval().label(), points));
    }
}
