package org.wedops.apm.ingest;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sample's labels may be, in characters, and how many attributes it may carry. Labels become series keys,
 * window rows and error groups; a label without a limit is a way to fill all three. Checked when bound, as part of
 * {@link DoorSettings} ({@code wedops.apm.labels.*}).
 *
 * @param service        longest {@code service}
 * @param operation      longest {@code operation}
 * @param provider       longest {@code provider}
 * @param region         longest {@code region}
 * @param environment    longest {@code environment}
 * @param errorType      longest {@code errorType}
 * @param text           longest of the other texts ({@code chainId}, {@code step}, {@code route}, {@code model})
 * @param attributes     most attributes of one sample
 * @param attributeKey   longest attribute name
 * @param attributeValue longest attribute value
 */
public record LabelLimits(
        @DefaultValue("64") @Positive int service,
        @DefaultValue("256") @Positive int operation,
        @DefaultValue("64") @Positive int provider,
        @DefaultValue("32") @Positive int region,
        @DefaultValue("32") @Positive int environment,
        @DefaultValue("256") @Positive int errorType,
        @DefaultValue("256") @Positive int text,
        @DefaultValue("32") @PositiveOrZero int attributes,
        @DefaultValue("64") @Positive int attributeKey,
        @DefaultValue("1024") @Positive int attributeValue) {

    /** The defaults, for tests and plain-Java use. */
    public static LabelLimits defaults() {
        return new LabelLimits(64, 256, 64, 32, 32, 256, 256, 32, 64, 1024);
    }
}
