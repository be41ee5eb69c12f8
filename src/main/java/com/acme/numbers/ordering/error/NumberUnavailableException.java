package com.acme.numbers.ordering.error;

/** The number is taken or held by someone else. */
public class NumberUnavailableException extends OrderingException {

    public NumberUnavailableException(String description, String upstreamCode) {
        super(description, upstreamCode);
    }
}
