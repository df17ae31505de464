package org.wedops.deploy;

import org.junit.jupiter.api.Test;
import org.wedops.testsupport.structure.ServiceStructure;

/** Issue #23's structure rules on the deployment-orchestrator's main classes: features free of cycles, each owning its settings. */
class DeploymentOrchestratorStructureTest {

    private static final ServiceStructure STRUCTURE = ServiceStructure.of("org.wedops.deploy");

    @Test
    void featuresDependOnEachOtherWithoutCycles() {
        STRUCTURE.assertFeaturesFreeOfCycles();
    }

    @Test
    void everySettingsRecordLivesInItsFeature() {
        STRUCTURE.assertSettingsLiveInTheirFeature();
    }
}
