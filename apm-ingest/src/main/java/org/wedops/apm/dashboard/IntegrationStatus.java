package org.wedops.apm.dashboard;

import java.util.List;

/**
 * One integration (service, kind, operation, provider) over the last minutes, and the same minutes a day earlier.
 * Percentiles are null where there were no requests.
 *
 * @param sla        OK, or ALERTING with the names of the SLA and error alerts firing for it
 */
public record IntegrationStatus(String service, String kind, String operation, String provider, double requestsPerMinute, double errorRate,
                                Double p95Ms, Double p99Ms, Double p95MsDayAgo, Double p99MsDayAgo, String sla, List<String> firing) {
}
