package org.wedops.health.targets;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.wedops.support.web.FieldProblem;

/**
 * @param targets HTTP targets configured at start (the admin API adds more at run time), held to the same rules as a
 *                registration through the API, so a wrong one stops the service naming it
 */
@Validated
@ConfigurationProperties("wedops.health")
public record TargetProperties(@DefaultValue List<@Valid TargetRegistration> targets) {

    public TargetProperties {
        for (int i = 0; i < targets.size(); i++) {
            List<FieldProblem> problems = targets.get(i).crossFieldProblems();
            if (!problems.isEmpty()) {
                FieldProblem problem = problems.get(0);
                String property = problem.field().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
                throw new IllegalArgumentException("wedops.health.targets[" + i + "]." + property + ": " + problem.message());
            }
        }
    }
}
