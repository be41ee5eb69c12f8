package com.acme.numbers.ordering.error;

/** The account, order, reservation, disconnect or number does not exist (for this caller). */
public class NotFoundException extends OrderingException {

    public NotFoundException(String message, String upstreamCode) {
        super(message, upstreamCode);
    }
}
