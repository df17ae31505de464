package org.wedops.health.targets;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.wedops.support.web.FieldProblem;

/** A request to probe an HTTP endpoint; field names as in DESIGN.md's API sketch. */
public record TargetRegistration(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,62}", message = "lowercase letters, digits, '.', '_' or '-', at most 63") String id,
        @NotBlank String url,
        @NotBlank String service,
        @NotBlank String region,
        @Min(value = 1, message = "must be at least 1 second") @Max(value = 3600, message = "must be at most 3600 seconds") Integer intervalSeconds,
        @Min(value = 100, message = "must be at least 100 ms") @Max(value = 60000, message = "must be at most 60000 ms") Integer timeoutMs,
        @Min(100) @Max(599) Integer expectedStatus,
        String bodyContains,
        Boolean autoRestart,
        @Size(max = TargetRegistration.MAX_REASON) String reason) {

    static final int MAX_REASON = 500;

    static final int DEFAULT_INTERVAL_SECONDS = 10;
    static final int DEFAULT_TIMEOUT_MS = 2000;

    /** Rules bean validation cannot express: an absolute http(s) URL, and a timeout shorter than the interval. */
    public List<FieldProblem> crossFieldProblems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (url != null && !url.isBlank()) {
            try {
                URI uri = URI.create(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add(new FieldProblem("url", "must be an absolute http or https URL"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("url", "is not a valid URL"));
            }
        }
        if (timeoutMs() != null && intervalSeconds() != null && timeoutMs() >= intervalSeconds() * 1000) {
            problems.add(new FieldProblem("timeoutMs", "must be shorter than the interval"));
        }
        return problems;
    }

    public HealthTarget toTarget(Instant now, String registeredBy) {
        return new HealthTarget(id, url, service, region,
                intervalSeconds != null ? intervalSeconds : DEFAULT_INTERVAL_SECONDS,
                timeoutMs != null ? timeoutMs : DEFAULT_TIMEOUT_MS,
                expectedStatus, bodyContains, Boolean.TRUE.equals(autoRestart), now, registeredBy, true);
    }
}
