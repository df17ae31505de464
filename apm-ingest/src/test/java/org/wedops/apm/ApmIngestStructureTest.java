package org.wedops.apm;

import org.junit.jupiter.api.Test;
import org.wedops.testsupport.structure.ServiceStructure;

/** apm-ingest keeps the structure of issue #23: features without cycles, each owning its settings. */
class ApmIngestStructureTest {

    private static final ServiceStructure APM_INGEST = ServiceStructure.of("org.wedops.apm");

    @Test
    void featuresDoNotDependOnEachOtherInACycle() {
        APM_INGEST.assertFeaturesFreeOfCycles();
    }

    @Test
    void everySettingsRecordLivesInItsFeature() {
        APM_INGEST.assertSettingsLiveInTheirFeature();
    }
}
