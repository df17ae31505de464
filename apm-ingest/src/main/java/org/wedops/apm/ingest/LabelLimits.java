package org.wedops.apm.ingest;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a sample's labels may be, in characters, and how many attributes it may carry. Labels become series keys,
 * window rows and error groups; a label without a limit is a way to fill all three.
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
        @DefaultValue("64") int service,
        @DefaultValue("256") int operation,
        @DefaultValue("64") int provider,
        @DefaultValue("32") int region,
        @DefaultValue("32") int environment,
        @DefaultValue("256") int errorType,
        @DefaultValue("256") int text,
        @DefaultValue("32") int attributes,
        @DefaultValue("64") int attributeKey,
        @DefaultValue("1024") int attributeValue) {

    public LabelLimits {
        positive("service", service);
        positive("operation", operation);
        positive("provider", provider);
        positive("region", region);
        positive("environment", environment);
        positive("error-type", errorType);
        positive("text", text);
        positive("attribute-key", attributeKey);
        positive("attribute-value", attributeValue);
        if (attributes < 0) {
            throw new IllegalArgumentException("wedops.apm.labels.attributes must not be negative, was " + attributes);
        }
    }

    private static void positive(String label, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("wedops.apm.labels." + label + " must be positive, was " + length);
        }
    }

    /** The defaults, for tests and plain-Java use. */
    public static LabelLimits defaults() {
        return new LabelLimits(64, 256, 64, 32, 32, 256, 256, 32, 64, 1024);
    }
}
