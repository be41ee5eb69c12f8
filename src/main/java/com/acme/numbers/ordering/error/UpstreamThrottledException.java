package com.acme.numbers.ordering.error;

import java.time.Duration;

/** Bandwidth's rate limit for this account was reached; callers may try again after {@link #retryAfter()}. */
public class UpstreamThrottledException extends OrderingException {

    private final Duration retryAfter;

    public UpstreamThrottledException(Duration retryAfter) {
        super("Bandwidth rate limit reached", null);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
