package com.acme.numbers.bandwidth;

import com.acme.numbers.ordering.error.UpstreamFailureException;

/** Bandwidth answered 401 or 403: our credentials are wrong or were rotated. Callers see an upstream failure. */
class BandwidthAuthRejectedException extends UpstreamFailureException {

    BandwidthAuthRejectedException() {
        super("Bandwidth refused the gateway's credentials");
    }
}
