package com.acme.numbers.web.problem;

import java.util.List;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.web.server.RequestText;

/** What was wrong with a request Spring could not read: the field, by its JSON path, and never the parser's words. */
final class InputProblems {

    private InputProblems() {
    }

    /** Names the offending JSON field, and never echoes parser internals or class names. */
    static void describe(ServerWebInputException ex, ProblemDetail problem) {
        Throwable cause = ex;
        while (cause != null && !(cause instanceof DatabindException)) {
            cause = cause.getCause();
        }
        String duplicate = duplicateField(ex);
        if (duplicate != null) {
            problem.setDetail("Field '" + duplicate + "' is given more than once.");
            Problems.withErrors(problem, List.of(new FieldProblem(duplicate, "is given more than once")));
        }
        else if (cause instanceof RequestText.UnacceptableTextException text) {
            String path = jsonPath(text);
            String requestId = (String) problem.getProperties().get("requestId");
            Problems.decorate(problem, ProblemCode.VALIDATION_FAILED, requestId);
            problem.setDetail("Field '" + path + "' " + text.reason() + ".");
            Problems.withErrors(problem, List.of(new FieldProblem(path, text.reason())));
        }
        else if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            problem.setDetail("Unknown field '" + field + "'.");
            Problems.withErrors(problem, List.of(new FieldProblem(field, "is not a field of this request")));
        }
        else if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String path = jsonPath(databind);
            problem.setDetail("Field '" + path + "' has a value of the wrong type.");
            Problems.withErrors(problem, List.of(new FieldProblem(path, "has the wrong type")));
        }
        else if (ex.getMethodParameter() == null || ex.getMethodParameter().hasParameterAnnotation(RequestBody.class)) {
            problem.setDetail("The request body is missing or is not valid JSON.");
        }
        else {
            String name = ex.getMethodParameter().getParameterName();
            problem.setDetail("Parameter '" + name + "' has an invalid value.");
            Problems.withErrors(problem, List.of(new FieldProblem(name, "has an invalid value")));
        }
    }

    /**
     * The path of a field the parser found twice in one object (strict duplicate detection, JsonConfiguration), or
     * null. Jackson marks it only by its message; the field is where the parser stands.
     */
    private static String duplicateField(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamReadException read && read.processor() != null
                    && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate Object property")) {
                String enclosing = jsonPath(read);
                String field = read.processor().streamReadContext().currentName();
                return enclosing.isEmpty() ? field : enclosing + "." + field;
            }
        }
        return null;
    }

    private static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (var reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
