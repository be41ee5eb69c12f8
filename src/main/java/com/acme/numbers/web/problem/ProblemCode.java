package com.acme.numbers.web.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;

/** Our stable problem codes: each is the last segment of the problem {@code type} URI. */
public enum ProblemCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "The request is invalid", false),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "The request cannot be read", false),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "An API key is required", false),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed for this client", false),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found", false),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", false),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", false),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", false),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large", false),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "The request did not arrive in time", true),
    URL_TOO_LONG(HttpStatus.URI_TOO_LONG, "Request URL too long", false),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large", false),
    NUMBER_UNAVAILABLE(HttpStatus.CONFLICT, "The number is not available", false),
    /* retryable as the batch's failures say (ReservationBatchController) */
    RESERVATION_BATCH_ABORTED(HttpStatus.CONFLICT, "A number of the batch could not be held, so none is", false),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "A request with this Idempotency-Key is in progress", true),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "This Idempotency-Key was used for another request",
            false),
    IDEMPOTENCY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Idempotency keys cannot be checked right now", true),
    UPSTREAM_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "Bandwidth rejected the request", false),
    UPSTREAM_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "Bandwidth rate limit reached", true),
    CLIENT_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client", true),
    UPSTREAM_FAILURE(HttpStatus.BAD_GATEWAY, "Bandwidth failed", true),
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Bandwidth is unavailable", true),
    UPSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "Bandwidth did not answer in time", true),
    OUTCOME_UNKNOWN(HttpStatus.BAD_GATEWAY, "The outcome is unknown", true),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error", true);

    public static final String TYPE_BASE = "https://numbers-gateway.acme.example/problems/";

    private final HttpStatus status;
    private final String title;
    private final boolean retryable;

    ProblemCode(HttpStatus status, String title, boolean retryable) {
        this.status = status;
        this.title = title;
        this.retryable = retryable;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    boolean retryable() {
        return retryable;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    URI type() {
        return URI.create(TYPE_BASE + code().replace('_', '-'));
    }

    /** The code for a status Spring raised by itself (routing, media types, unreadable bodies). */
    static ProblemCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> INTERNAL_ERROR;
        };
    }
}
