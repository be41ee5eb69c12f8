package com.acme.numbers.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.web.server.RequestIdFilter;

/** Builds our RFC 9457 problem bodies: type, title, status, detail, instance, code, retryable, requestId. */
public final class Problems {

    private Problems() {
    }

    static final int MAX_ERRORS = 50;

    public static ProblemDetail of(ProblemCode code, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code.status(), detail);
        return decorate(problem, code, exchange);
    }

    static ProblemDetail decorate(ProblemDetail problem, ProblemCode code, ServerWebExchange exchange) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return decorate(problem, code, RequestIdFilter.requestId(exchange));
    }

    /** Without an exchange (a request the HTTP codec could not read): the caller sets {@code instance} if known. */
    static ProblemDetail decorate(ProblemDetail problem, ProblemCode code, String requestId) {
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setProperty("code", code.code());
        problem.setProperty("retryable", code.retryable());
        problem.setProperty("requestId", requestId);
        return problem;
    }

    /**
     * Lists the field problems, at most {@value #MAX_ERRORS} of them: a body with thousands of bad entries would
     * otherwise be answered with a problem many times its size. {@code errorsOmitted} counts the rest.
     */
    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setProperty("errors", errors.stream().limit(MAX_ERRORS)
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        if (errors.size() > MAX_ERRORS) {
            problem.setProperty("errorsOmitted", errors.size() - MAX_ERRORS);
        }
        return problem;
    }
}
