package com.acme.numbers.web.problem;

import com.acme.numbers.ordering.error.NotFoundException;
import com.acme.numbers.ordering.error.NumberUnavailableException;
import com.acme.numbers.ordering.error.OrderingException;
import com.acme.numbers.ordering.error.RequestRejectedException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamThrottledException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;
import com.acme.numbers.ordering.error.UpstreamUnavailableException;

/** The problem code and detail for each failure the ordering use cases report. */
final class OrderingProblems {

    private OrderingProblems() {
    }

    /** How to go on after an order or disconnect whose outcome is unknown. */
    static String outcomeAdvice(String what, String reference) {
        if (!"order".equals(what)) {
            return "Check the numbers before releasing them again: a retry releases only those still on the account.";
        }
        return reference == null ? "It had no customerOrderId: check the account's orders before ordering again."
                : "Retrying with the same Idempotency-Key is safe: it finds the order by its customerOrderId '"
                        + reference + "' or places it once.";
    }

    static ProblemCode codeFor(OrderingException ex) {
        if (ex instanceof NotFoundException) {
            return ProblemCode.NOT_FOUND;
        }
        if (ex instanceof NumberUnavailableException) {
            return ProblemCode.NUMBER_UNAVAILABLE;
        }
        if (ex instanceof RequestRejectedException) {
            return ProblemCode.UPSTREAM_REJECTED;
        }
        if (ex instanceof UpstreamThrottledException) {
            return ProblemCode.UPSTREAM_THROTTLED;
        }
        if (ex instanceof UpstreamTimeoutException) {
            return ProblemCode.UPSTREAM_TIMEOUT;
        }
        if (ex instanceof UpstreamUnavailableException) {
            return ProblemCode.UPSTREAM_UNAVAILABLE;
        }
        if (ex instanceof UpstreamFailureException) {
            return ProblemCode.UPSTREAM_FAILURE;
        }
        return ProblemCode.INTERNAL_ERROR;
    }

    /** Bandwidth's text is shown only for business rejections; upstream faults get a generic detail. */
    static String detailFor(OrderingException ex, ProblemCode code) {
        return switch (code) {
            case UPSTREAM_FAILURE -> ex.getMessage() + ". Reads are safe to retry; retry a POST with the same "
                    + "Idempotency-Key, so an order that was placed is found instead of bought again.";
            case UPSTREAM_TIMEOUT -> "Bandwidth did not answer in time, so the outcome of a write is unknown. Retry "
                    + "with the same Idempotency-Key: an order that was placed is found instead of bought again.";
            case UPSTREAM_THROTTLED -> "The rate limit for this Bandwidth account was reached; retry after the "
                    + "Retry-After interval.";
            case UPSTREAM_UNAVAILABLE -> ex.getMessage() + "; nothing was sent to Bandwidth. Retry after the "
                    + "Retry-After interval.";
            default -> ex.getMessage();
        };
    }
}
