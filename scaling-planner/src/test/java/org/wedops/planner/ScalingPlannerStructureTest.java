package org.wedops.planner;

import org.junit.jupiter.api.Test;
import org.wedops.testsupport.structure.ServiceStructure;

/** Issue #23's structure rules on the scaling-planner's main classes: features free of cycles, each owning its settings. */
class ScalingPlannerStructureTest {

    private static final ServiceStructure STRUCTURE = ServiceStructure.of("org.wedops.planner");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        STRUCTURE.assertFeaturesFreeOfCycles();
    }

    @Test
    void everySettingsRecordLivesInItsFeature() {
        STRUCTURE.assertSettingsLiveInTheirFeature();
    }
}
