package com.acme.numbers.ordering.error;

/** One invalid input field and why. */
public record FieldProblem(String field, String message) {
}
