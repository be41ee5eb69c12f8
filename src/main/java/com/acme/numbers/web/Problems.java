package com.acme.numbers.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;

import com.acme.numbers.ordering.FieldProblem;

/** Builds our RFC 9457 problem bodies: type, title, status, detail, instance, code, retryable, requestId. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(ProblemCode code, String detail, ServerWebExchange exchange) {
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

    static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> errors) {
        problem.setProperty("errors", errors.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }
}
