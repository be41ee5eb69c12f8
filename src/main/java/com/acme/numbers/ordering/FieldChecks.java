package com.acme.numbers.ordering;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.error.InvalidRequestException;

/** Collects every input problem of one request, so the caller learns all of them at once. */
final class FieldChecks {

    private final List<FieldProblem> problems = new ArrayList<>();

    void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    void pattern(String field, String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            add(field, message);
        }
    }

    void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            add(field, "must be between " + min + " and " + max);
        }
    }

    void requires(String field, Object value, String otherField, Object other) {
        if (value != null && other == null) {
            add(otherField, "is required together with " + field);
        }
    }

    void absent(String field, Object value, String reason) {
        if (value != null) {
            add(field, reason);
        }
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
