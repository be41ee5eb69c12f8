package com.acme.numbers.bandwidth;

import java.util.function.Function;

import com.acme.numbers.bandwidth.guard.BandwidthUnavailableException;
import com.acme.numbers.ordering.error.OutcomeUnknownException;
import com.acme.numbers.ordering.error.UpstreamFailureException;
import com.acme.numbers.ordering.error.UpstreamTimeoutException;

/** Which failed writes may still have been carried out, and how the port reports them. */
final class WriteOutcomes {

    private WriteOutcomes() {
    }

    /**
     * Whether a write that failed this way may still have been carried out: its answer timed out, was cut off,
     * could not be read, or was a 5xx. A refusal (4xx, refused credentials, throttling, an open breaker, a refused
     * connection) means Bandwidth did nothing.
     */
    static boolean mayHaveBeenAccepted(Throwable ex) {
        if (ex instanceof UpstreamTimeoutException) {
            return true;
        }
        if (ex instanceof BandwidthUnavailableException unavailable) {
            return unavailable.requestSent();
        }
        return ex instanceof UpstreamFailureException && !(ex instanceof BandwidthAuthRejectedException);
    }

    /** The failure as an unknown outcome of the {@code what} sent with {@code customerOrderId}. */
    static Function<Throwable, Throwable> unknown(String what, String customerOrderId) {
        return ex -> new OutcomeUnknownException(what, customerOrderId, ex instanceof UpstreamTimeoutException);
    }
}
