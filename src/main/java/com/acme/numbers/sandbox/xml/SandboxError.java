package com.acme.numbers.sandbox.xml;

/** A Bandwidth-style rejection: HTTP status plus error code and description, rendered by the handler. */
public final class SandboxError extends RuntimeException {

    private final int status;
    private final String code;

    public SandboxError(int status, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
