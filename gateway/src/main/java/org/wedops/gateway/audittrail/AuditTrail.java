package org.wedops.gateway.audittrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The services' audit pages merged: newest first across services, cut to the asked limit, with every service that
 * did not answer named under {@code missing}. An empty trail with services missing is not "nothing happened".
 */
record AuditTrail(List<Entry> entries, List<Missing> missing) {

    /** One service's audit entry, with the service it came from. */
    record Entry(String service, long id, Instant at, String actor, String action, String target, String reason, String outcome) {
    }

    /** A service whose audit could not be read, and why (timed out, refused, answered an error). */
    record Missing(String service, String reason) {
    }

    /** One service's answer: its entries, or why there are none. */
    record Page(String service, List<Entry> entries, String failure) {
    }

    static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(Entry::at).reversed()
            .thenComparing(Entry::service).thenComparing(Comparator.comparingLong(Entry::id).reversed());

    static AuditTrail merge(List<Page> pages, int limit) {
        List<Entry> entries = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();
        for (Page page : pages) {
            if (page.failure() != null) {
                missing.add(new Missing(page.service(), page.failure()));
            } else {
                entries.addAll(page.entries());
            }
        }
        entries.sort(NEWEST_FIRST);
        missing.sort(Comparator.comparing(Missing::service));
        return new AuditTrail(List.copyOf(entries.subList(0, Math.min(limit, entries.size()))), List.copyOf(missing));
    }
}
