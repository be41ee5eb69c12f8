package com.acme.numbers.web.problem;

import io.netty.channel.ChannelException;

/** The request-body timeout ({@code gateway.server.body-timeout}), raised into the request by the HTTP server. */
public final class BodyTimeouts {

    private BodyTimeouts() {
    }

    public static boolean isBodyTimeout(Throwable ex) {
        return ex instanceof BodyTimeoutException;
    }

    /** A request whose body did not arrive in time: answered 408, and the connection is closed. */
    public static final class BodyTimeoutException extends ChannelException {

        private static final long serialVersionUID = 1L;

        public BodyTimeoutException() {
            super("The request body did not arrive in time");
        }
    }
}
