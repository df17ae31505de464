package org.wedops.gateway;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.wedops.gateway.audit.AuditEntry;
import org.wedops.gateway.audit.AuditSink;

/** Collects audit entries beside the log sink, so tests assert on entries rather than parse log lines. */
public class CollectingAuditSink implements AuditSink {

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    public Optional<AuditEntry> withRequestId(String requestId) {
        return entries.stream().filter(entry -> entry.requestId().equals(requestId)).findFirst();
    }
}
