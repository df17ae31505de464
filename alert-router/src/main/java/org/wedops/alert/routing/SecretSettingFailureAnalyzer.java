package org.wedops.alert.routing;

import java.util.Set;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a secret setting ({@link SecretUrl}, {@link SecretText}) that cannot be read, without its value. Boot's own
 * report of a failed binding prints the value it was given, and a webhook URL or routing key that does not parse is
 * most likely the secret itself, slightly misspelt, on its way into a log collector.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecretSettingFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

    private static final Set<Class<?>> SECRETS = Set.of(SecretUrl.class, SecretText.class);

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        Class<?> target = cause.getTarget().getType().resolve();
        if (target == null || !SECRETS.contains(target)) {
            return null;
        }
        // only SecretUrl's own refusal is known to leave the text out; anything else might hold it
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        String reason = root instanceof SecretUrl.Refused ? root.getMessage() : "could not be read";
        String property = cause.getName().toString();
        String expected = target == SecretUrl.class ? " to an absolute http or https URL" : "";
        return new FailureAnalysis("The setting " + property + " " + reason + ". Its value is not shown: it is a secret.",
                "Set " + property + expected + ", or leave it empty to switch its integration off.", cause);
    }
}
