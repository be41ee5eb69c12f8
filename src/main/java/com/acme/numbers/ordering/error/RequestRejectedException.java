package com.acme.numbers.ordering.error;

/** Bandwidth understood the request and refused it as invalid (for example an unknown site). */
public class RequestRejectedException extends OrderingException {

    public RequestRejectedException(String description, String upstreamCode) {
        super(description, upstreamCode);
    }
}
