package org.wedops.gateway.audit;

/** Where audit entries go; every sink bean gets every entry (the log line always, plus any other). */
@FunctionalInterface
public interface AuditSink {

    void record(AuditEntry entry);
}
