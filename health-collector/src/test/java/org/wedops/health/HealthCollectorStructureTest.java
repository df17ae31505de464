package org.wedops.health;

import org.junit.jupiter.api.Test;
import org.wedops.testsupport.structure.ServiceStructure;

class HealthCollectorStructureTest {

    private final ServiceStructure service = ServiceStructure.of("org.wedops.health");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        service.assertFeaturesFreeOfCycles();
    }

    @Test
    void everySettingsRecordLivesInItsFeature() {
        service.assertSettingsLiveInTheirFeature();
    }
}
