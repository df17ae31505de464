package org.wedops.deploy.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.wedops.deploy.drivers.DeployableServices;
import org.wedops.support.web.FieldProblem;
import org.wedops.support.web.InvalidRequestException;

/** Field rules of a deployment request; versions and names end up in image tags and command arguments, hence the patterns. */
final class RequestRules {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private RequestRules() {
    }

    static void check(DeploymentRequest request, DeployableServices properties) {
        if (request == null) {
            throw new InvalidRequestException("body", "a deployment request is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.service() == null || request.service().isBlank()) {
            problems.add(new FieldProblem("service", "is required"));
        } else if (properties.service(request.service()) == null) {
            problems.add(new FieldProblem("service", "is not a deployable service; configured: " + properties.names()));
        }
        name(problems, "environment", request.environment());
        name(problems, "region", request.region());
        if (request.version() == null || !VERSION.matcher(request.version()).matches()) {
            problems.add(new FieldProblem("version", "is required: 1–64 letters, digits, '.', '_' or '-'"));
        }
        if (request.reason() != null && request.reason().length() > 1000) {
            problems.add(new FieldProblem("reason", "must be at most 1000 characters"));
        }
        if (request.isEmergency() && (request.reason() == null || request.reason().isBlank())) {
            problems.add(new FieldProblem("reason", "an emergency override needs a written reason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    private static void name(List<FieldProblem> problems, String field, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            problems.add(new FieldProblem(field, "is required: 1–40 lower-case letters, digits or '-'"));
        }
    }
}
