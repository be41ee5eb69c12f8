package com.acme.numbers.web.problem;

import io.netty.channel.ChannelException;

/**
 * Recognises Reactor Netty's request-body timeout ({@code gateway.server.body-timeout}): its exception type is not
 * public, so it is known by its simple name, a {@link ChannelException} subclass.
 */
public final class BodyTimeouts {

    private BodyTimeouts() {
    }

    public static boolean isBodyTimeout(Throwable ex) {
        return ex instanceof ChannelException && "RequestTimeoutException".equals(ex.getClass().getSimpleName());
    }
}
