package org.wedops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.validation.FieldError;

/**
 * What a failed start says, causes included, for tests that a bad setting stops a service naming the property. A
 * compact constructor names the property in its message; a Bean Validation error is reported by Spring as object and
 * field ({@code wedops.apm} and {@code labels.attributeValue}), so each is added as the property a user writes
 * ({@code wedops.apm.labels.attribute-value}).
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    /** The messages of the start-up failure and its causes, one a line; fails the test when the context started. */
    public static String of(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        StringBuilder text = new StringBuilder();
        for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
            text.append(cause.getMessage()).append('\n');
            if (cause instanceof BindValidationException invalid) {
                invalid.getValidationErrors().getAllErrors().stream()
                        .filter(FieldError.class::isInstance).map(FieldError.class::cast)
                        .map(error -> (error.getObjectName() + "." + error.getField()).replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                        .forEach(property -> text.append(property).append('\n'));
            }
        }
        return text.toString();
    }
}
