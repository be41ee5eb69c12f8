package com.acme.numbers.bandwidth.guard;

import com.acme.numbers.ordering.error.UpstreamFailureException;

/**
 * A failure worth retrying on a safe call: Bandwidth answered 502, 503 or 504, or could not be reached. Callers
 * still see it as an upstream failure (502). Whether the request reached Bandwidth decides whether a write may
 * have been accepted: a refused connection sent nothing, a reset or a 5xx may come after Bandwidth acted.
 */
public class BandwidthUnavailableException extends UpstreamFailureException {

    private final boolean requestSent;

    public BandwidthUnavailableException(String message) {
        this(message, true);
    }

    public BandwidthUnavailableException(String message, boolean requestSent) {
        super(message);
        this.requestSent = requestSent;
    }

    public boolean requestSent() {
        return requestSent;
    }
}
