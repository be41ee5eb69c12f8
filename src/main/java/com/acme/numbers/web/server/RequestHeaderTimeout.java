package com.acme.numbers.web.server;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers do not arrive in time: from connecting, {@code first}; after an
 * answer on a kept-alive connection, {@code next} (the idle timeout), since a caller may keep a connection open
 * between requests. Reactor Netty's own timeouts count from the last byte read, so headers trickled a byte a second
 * held a connection forever. One instance per connection, after the HTTP codec; the refusal itself (a 408 problem)
 * is written by {@link #onTimeout}.
 */
final class RequestHeaderTimeout extends ChannelDuplexHandler {

    static final String NAME = "numbersGateway.requestHeaderTimeout";
    private static final Logger log = LoggerFactory.getLogger(RequestHeaderTimeout.class);

    private final long first;
    private final long next;
    private final Consumer<ChannelHandlerContext> onTimeout;
    private ScheduledFuture<?> timer;
    private int unanswered;

    RequestHeaderTimeout(Duration first, Duration next, Consumer<ChannelHandlerContext> onTimeout) {
        this.first = first.toMillis();
        this.next = next.toMillis();
        this.onTimeout = onTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        schedule(ctx, first);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            cancel();
            unanswered++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && unanswered > 0 && --unanswered == 0) {
            schedule(ctx, next);
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void schedule(ChannelHandlerContext ctx, long millis) {
        cancel();
        timer = ctx.executor().schedule(() -> {
            if (unanswered == 0 && ctx.channel().isActive()) {
                log.debug("Closing a connection whose request headers did not arrive within {} ms", millis);
                onTimeout.accept(ctx);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
