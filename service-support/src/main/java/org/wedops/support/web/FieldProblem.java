package org.wedops.support.web;

/** One wrong field of a request, as listed under {@code errors} in a problem+json answer. */
public record FieldProblem(String field, String message) {
}
