package org.wedops.gateway;

import org.junit.jupiter.api.Test;
import org.wedops.testsupport.structure.ServiceStructure;

/** Issue #23's structure rules on the gateway's main classes: features free of cycles, each owning its settings. */
class GatewayStructureTest {

    private static final ServiceStructure STRUCTURE = ServiceStructure.of("org.wedops.gateway");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        STRUCTURE.assertFeaturesFreeOfCycles();
    }

    @Test
    void everySettingsRecordLivesInItsFeature() {
        STRUCTURE.assertSettingsLiveInTheirFeature();
    }
}
