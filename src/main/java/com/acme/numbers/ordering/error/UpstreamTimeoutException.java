package com.acme.numbers.ordering.error;

/** Bandwidth did not answer in time; the outcome of a write is unknown. */
public class UpstreamTimeoutException extends OrderingException {

    public UpstreamTimeoutException(String message) {
        super(message, null);
    }
}
