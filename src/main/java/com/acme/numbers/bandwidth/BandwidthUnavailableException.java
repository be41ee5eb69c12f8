package com.acme.numbers.bandwidth;

import com.acme.numbers.ordering.UpstreamFailureException;

/**
 * A failure worth retrying on a safe call: Bandwidth answered 502, 503 or 504, or could not be reached. Callers
 * still see it as an upstream failure (502).
 */
class BandwidthUnavailableException extends UpstreamFailureException {

    BandwidthUnavailableException(String message) {
        super(message);
    }
}
