package org.wedops.gateway.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.wedops.gateway.request.RequestId;

/**
 * One line per entry on the dedicated logger {@value #LOGGER}, as {@code key=value} pairs so that a log pipeline
 * can parse it without a schema; with structured logging ({@code logging.structured.format.console=ecs}) the
 * request id is also a field of its own, from the MDC.
 */
@Component
class LogAuditSink implements AuditSink {

    static final String LOGGER = "wedops.audit";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public void record(AuditEntry entry) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestId.MDC_KEY, entry.requestId())) {
            log.info("principal={} method={} route={} path={} status={} requestId={} durationMs={}",
                    entry.principal(), entry.method(), entry.route(), entry.path(), entry.status(), entry.requestId(),
                    entry.duration().toMillis());
        }
    }
}
