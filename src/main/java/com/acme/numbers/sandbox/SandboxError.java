package com.acme.numbers.sandbox;

/** A Bandwidth-style rejection: HTTP status plus error code and description, rendered by the handler. */
final class SandboxError extends RuntimeException {

    private final int status;
    private final String code;

    SandboxError(int status, String code, String description) {
        super(description, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
