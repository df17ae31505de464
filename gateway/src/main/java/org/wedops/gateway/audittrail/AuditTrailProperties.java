package org.wedops.gateway.audittrail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's view over every service's audit trail.
 *
 * @param timeout longest wait for one service's page; a service slower than this is reported as missing
 */
@ConfigurationProperties("wedops.gateway.audit-trail")
public record AuditTrailProperties(@DefaultValue("3s") Duration timeout) {

    public AuditTrailProperties {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("wedops.gateway.audit-trail.timeout must be between 1 ms and 1 minute, got " + timeout);
        }
    }
}
