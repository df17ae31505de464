package org.wedops.events.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate classes outside an allow-list, even generated ones. The serde trusts its
 * own event package once, so no service needs {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES} to start.
 */
final class TrustedPackages {

    private static final String EVENTS_PACKAGE = "org.wedops.events";
    private static volatile boolean installed;

    private TrustedPackages() {
    }

    static synchronized void allowEventClasses() {
        if (installed) {
            return;
        }
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityPredicate events = type -> type.getPackageName().equals(EVENTS_PACKAGE);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, events));
        installed = true;
    }
}
