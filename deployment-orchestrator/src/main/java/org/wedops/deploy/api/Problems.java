package org.wedops.deploy.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** problem+json answers that carry more than a message (the freeze's end, the deployment in the way). */
final class Problems {

    private Problems() {
    }

    static ResponseEntity<Object> of(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach((name, value) -> {
            if (value != null) {
                problem.setProperty(name, value);
            }
        });
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
