package com.acme.numbers.web.problem;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

import com.acme.numbers.ordering.error.FieldProblem;
import com.acme.numbers.ordering.error.InvalidRequestException;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.OutcomeUnknownException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.error.UpstreamUnavailableException;
import com.acme.numbers.web.QueryValues;
import com.acme.numbers.web.security.SecurityConfiguration;
import com.acme.numbers.web.server.AuditFilter;
import com.acme.numbers.web.server.RequestIdFilter;

/**
 * One error model for the whole API: every failure becomes {@code application/problem+json} with our stable
 * {@code code}, never a stack trace. Spring's own errors (routing, media types, unreadable bodies) come through
 * {@link #handleExceptionInternal} and get the same fields.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final ProblemWriter problems;

    ProblemDetailsAdvice(ProblemWriter problems) {
        this.problems = problems;
    }

    @ExceptionHandler(InvalidRequestException.class)
    Mono<ResponseEntity<Object>> invalid(InvalidRequestException ex, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(ProblemCode.VALIDATION_FAILED, ex.getMessage(), exchange);
        return respond(Problems.withErrors(problem, ex.problems()), null, exchange);
    }

    @ExceptionHandler(QueryValues.MalformedParameterException.class)
    Mono<ResponseEntity<Object>> malformedParameter(QueryValues.MalformedParameterException ex,
            ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(ProblemCode.MALFORMED_REQUEST, ex.getMessage(), exchange);
        return respond(Problems.withErrors(problem,
                List.of(new FieldProblem(ex.parameter(), "has an invalid value"))), null, exchange);
    }

    /**
     * The firewall checks query parameters and headers when they are read: a handler reading a forbidden one gets
     * the same answer as a filter would (see {@link SecurityConfiguration}).
     */
    @ExceptionHandler(ServerExchangeRejectedException.class)
    Mono<ResponseEntity<Object>> rejected(ServerExchangeRejectedException ex, ServerWebExchange exchange) {
        return respond(Problems.of(ProblemCode.MALFORMED_REQUEST, SecurityConfiguration.REJECTED, exchange), null,
                exchange);
    }

    /**
     * A write that may have been carried out is never reported as a failure: the problem names the reference it can
     * be found by, and the audit line records the outcome as unknown.
     */
    @ExceptionHandler(OutcomeUnknownException.class)
    Mono<ResponseEntity<Object>> outcomeUnknown(OutcomeUnknownException ex, ServerWebExchange exchange) {
        String reference = ex.customerOrderId();
        ProblemDetail problem = Problems.of(ProblemCode.OUTCOME_UNKNOWN, ex.getMessage() + ". "
                + OrderingProblems.outcomeAdvice(ex.what(), reference), exchange);
        if (ex.timedOut()) {
            problem.setStatus(HttpStatus.GATEWAY_TIMEOUT.value());
        }
        if (reference != null) {
            problem.setProperty("customerOrderId", reference);
            exchange.getAttributes().put(AuditFilter.CUSTOMER_ORDER_ID, reference);
        }
        exchange.getAttributes().put(AuditFilter.OUTCOME, "unknown");
        return respond(problem, null, exchange);
    }

    @ExceptionHandler(OrderingException.class)
    Mono<ResponseEntity<Object>> ordering(OrderingException ex, ServerWebExchange exchange) {
        ProblemCode code = OrderingProblems.codeFor(ex);
        ProblemDetail problem = Problems.of(code, OrderingProblems.detailFor(ex, code), exchange);
        if (ex.upstreamCode() != null) {
            problem.setProperty("upstreamCode", ex.upstreamCode());
        }
        HttpHeaders headers = new HttpHeaders();
        if (ex instanceof UpstreamThrottledException throttled) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(throttled.retryAfter())));
        }
        if (ex instanceof UpstreamUnavailableException unavailable) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(unavailable.retryAfter())));
        }
        return respond(problem, headers, exchange);
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Object>> unexpected(Exception ex, ServerWebExchange exchange) {
        if (BodyTimeouts.isBodyTimeout(ex)) {
            // the body did not arrive within gateway.server.body-timeout; Reactor Netty closes the connection
            HttpHeaders headers = new HttpHeaders();
            headers.setConnection("close");
            return respond(Problems.of(ProblemCode.REQUEST_TIMEOUT, "The request body did not arrive in time.",
                    exchange), headers, exchange);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            // The caller hung up: nobody is left to read a problem. Recorded as client_closed and audited as
            // aborted, logged at DEBUG; left to WebFlux, an uncommitted answer was logged as an ERROR and a 500.
            log.debug("The caller of {} {} went away ({})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), ex.getClass().getSimpleName());
            ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .ifPresent(observation -> observation.setConnectionAborted(true));
            exchange.getAttributes().put(AuditFilter.OUTCOME, AuditFilter.ABORTED);
            return Mono.empty();
        }
        if (exchange.getResponse().isCommitted()) {
            // the answer is already on its way: a problem can no longer be written
            return Mono.error(ex);
        }
        String requestId = RequestIdFilter.requestId(exchange);
        log.atError().setCause(ex).addKeyValue(RequestIdFilter.MDC_KEY, requestId)
                .log("Unexpected failure on {} {} (requestId={})", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), requestId);
        return respond(Problems.of(ProblemCode.INTERNAL_ERROR, "The gateway failed unexpectedly.", exchange), null,
                exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        ProblemCode code = ProblemCode.forStatus(status.value());
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        Problems.decorate(problem, code, exchange);
        if (problem.getDetail() == null) {
            problem.setDetail(code.title() + ".");
        }
        if (ex instanceof ServerWebInputException input) {
            InputProblems.describe(input, problem);
        }
        problem.setStatus(status.value());
        return respond(problem, headers, exchange);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /*
     * WebFlux renders a returned problem after parsing the Accept header, even with the content type set. When that
     * header cannot be parsed, rendering would fail the same way again and leave an empty body: the problem is
     * written directly then.
     */
    private Mono<ResponseEntity<Object>> respond(ProblemDetail problem, HttpHeaders headers,
            ServerWebExchange exchange) {
        if (!acceptIsReadable(exchange)) {
            if (headers != null) {
                exchange.getResponse().getHeaders().addAll(headers);
            }
            return problems.write(exchange, problem).then(Mono.empty());
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (headers != null) {
            builder.headers(headers);
        }
        return Mono.just(builder.body(problem));
    }

    private static boolean acceptIsReadable(ServerWebExchange exchange) {
        try {
            exchange.getRequest().getHeaders().getAccept();
            return true;
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }
}
