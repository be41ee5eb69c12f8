package com.acme.numbers.ordering.error;

/** Base of every failure the ordering use cases report; the web layer maps each subtype to one status. */
public abstract class OrderingException extends RuntimeException {

    private final String upstreamCode;

    protected OrderingException(String message, String upstreamCode) {
        super(message);
        this.upstreamCode = upstreamCode;
    }

    /** Bandwidth's error code, when the failure came from Bandwidth with one. */
    public String upstreamCode() {
        return upstreamCode;
    }
}
