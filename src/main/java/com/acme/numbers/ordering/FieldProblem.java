package com.acme.numbers.ordering;

/** One invalid input field and why. */
public record FieldProblem(String field, String message) {
}
