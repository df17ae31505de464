package org.wedops.support.targethealth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@link TargetHealthProperties#enabled()} is true. The setting is bound as the record is, so
 * {@code wedops.target-health.enabled=maybe} stops the service with a binding error naming the property instead of
 * quietly leaving target health off, as the string comparison it replaces did.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(ConditionalOnTargetHealth.OnTargetHealthEnabled.class)
public @interface ConditionalOnTargetHealth {

    class OnTargetHealthEnabled extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean enabled = Binder.get(context.getEnvironment())
                    .bind(TargetHealthProperties.PREFIX, TargetHealthProperties.class)
                    .map(TargetHealthProperties::enabled)
                    .orElse(false);
            return enabled ? ConditionOutcome.match(TargetHealthProperties.PREFIX + ".enabled is true")
                    : ConditionOutcome.noMatch(TargetHealthProperties.PREFIX + ".enabled is not true");
        }
    }
}
