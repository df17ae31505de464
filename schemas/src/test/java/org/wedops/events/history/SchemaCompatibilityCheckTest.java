package org.wedops.events.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityCheckTest {

    private static final Schema RELEASED = SchemaBuilder.record("Alert").namespace("org.wedops.events").fields()
            .requiredString("eventId").requiredString("name").endRecord();

    @Test
    void addingAnOptionalFieldWithADefaultIsCompatible() {
        Schema next = SchemaBuilder.record("Alert").namespace("org.wedops.events").fields()
                .requiredString("eventId").requiredString("name").optionalString("runbookUrl").endRecord();

        assertThat(SchemaCompatibilityCheck.incompatibilities(next, RELEASED, "v1.avsc")).isEmpty();
    }

    @Test
    void addingARequiredFieldWithoutDefaultBreaksNewReadersOfOldData() {
        Schema next = SchemaBuilder.record("Alert").namespace("org.wedops.events").fields()
                .requiredString("eventId").requiredString("name").requiredString("team").endRecord();

        assertThat(SchemaCompatibilityCheck.incompatibilities(next, RELEASED, "v1.avsc"))
                .singleElement().asString().contains("new readers cannot read data written with v1.avsc", "team");
    }

    @Test
    void removingAFieldWithoutDefaultBreaksOldReadersOfNewData() {
        Schema next = SchemaBuilder.record("Alert").namespace("org.wedops.events").fields()
                .requiredString("eventId").endRecord();

        assertThat(SchemaCompatibilityCheck.incompatibilities(next, RELEASED, "v1.avsc"))
                .singleElement().asString().contains("readers on v1.avsc cannot read new data", "name");
    }

    @Test
    void changingAFieldTypeIsIncompatible() {
        Schema next = SchemaBuilder.record("Alert").namespace("org.wedops.events").fields()
                .requiredString("eventId").requiredInt("name").endRecord();

        assertThat(SchemaCompatibilityCheck.incompatibilities(next, RELEASED, "v1.avsc")).isNotEmpty();
    }
}
