package org.wedops.alert;

import org.junit.jupiter.api.Test;
import org.wedops.testsupport.structure.ServiceStructure;

/** Issue #23's shape of the alert-router: features without cycles, each owning its settings. */
class AlertRouterStructureTest {

    private static final ServiceStructure ROUTER = ServiceStructure.of("org.wedops.alert");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        ROUTER.assertFeaturesFreeOfCycles();
    }

    @Test
    void everySettingsRecordLivesInItsFeature() {
        ROUTER.assertSettingsLiveInTheirFeature();
    }
}
