package com.acme.numbers.ordering.error;

/** Bandwidth failed, could not be reached, answered something unreadable, or refused our credentials. */
public class UpstreamFailureException extends OrderingException {

    public UpstreamFailureException(String message) {
        super(message, null);
    }
}
