package com.acme.numbers.ordering.error;

import java.time.Duration;

/** Bandwidth is being shielded (breaker open, too many calls in flight): answered fast, try again later. */
public class UpstreamUnavailableException extends OrderingException {

    private final Duration retryAfter;

    public UpstreamUnavailableException(String message, Duration retryAfter) {
        super(message, null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
