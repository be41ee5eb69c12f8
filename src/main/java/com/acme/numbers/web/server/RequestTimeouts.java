package com.acme.numbers.web.server;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.acme.numbers.web.problem.BodyTimeouts;

/**
 * The request's two deadlines on one connection. Headers: from connecting, {@code first}; after an answer on a
 * kept-alive connection, {@code next} (the idle timeout), since a caller may keep a connection open between
 * requests; Reactor Netty's own timeouts count from the last byte read, so headers trickled a byte a second held a
 * connection forever. Body: from the headers to the body's last byte, {@code body}, ended by that byte or by the
 * answer. Reactor Netty's own request timeout is not used: it was cancelled only when the body's end reached the
 * request's operations, so a request answered before its (empty) end was read, every 401, 429 or bulkhead 503, kept
 * its whole request alive until the timeout fired: 30 s of memory per refused request. One instance per connection,
 * after the HTTP codec; late headers are refused by {@code onLateHeaders} (a 408 problem), a late body reaches
 * the request as a {@link BodyTimeouts.BodyTimeoutException} (a 408 problem from the error advice).
 */
final class RequestTimeouts extends ChannelDuplexHandler {

    static final String NAME = "numbersGateway.requestTimeouts";
    private static final Logger log = LoggerFactory.getLogger(RequestTimeouts.class);

    private final long first;
    private final long next;
    private final long body;
    private final Consumer<ChannelHandlerContext> onLateHeaders;
    private ScheduledFuture<?> headerTimer;
    private ScheduledFuture<?> bodyTimer;
    private int unanswered;

    RequestTimeouts(Duration first, Duration next, Duration body, Consumer<ChannelHandlerContext> onLateHeaders) {
        this.first = first.toMillis();
        this.next = next.toMillis();
        this.body = body.toMillis();
        this.onLateHeaders = onLateHeaders;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        awaitHeaders(ctx, first);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            headerTimer = cancel(headerTimer);
            unanswered++;
            if (!(msg instanceof LastHttpContent)) {
                awaitBody(ctx);
            }
        }
        else if (msg instanceof LastHttpContent) {
            bodyTimer = cancel(bodyTimer);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent && unanswered > 0 && !isInformational(msg)) {
            bodyTimer = cancel(bodyTimer);   // answered: what is left of the body is discarded, not awaited
            if (--unanswered == 0) {
                awaitHeaders(ctx, next);
            }
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelAll();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelAll();
        ctx.fireChannelInactive();
    }

    private void awaitHeaders(ChannelHandlerContext ctx, long millis) {
        cancel(headerTimer);
        headerTimer = ctx.executor().schedule(() -> {
            if (unanswered == 0 && ctx.channel().isActive()) {
                log.debug("Closing a connection whose request headers did not arrive within {} ms", millis);
                onLateHeaders.accept(ctx);
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void awaitBody(ChannelHandlerContext ctx) {
        cancel(bodyTimer);
        bodyTimer = ctx.executor().schedule(() -> {
            bodyTimer = null;
            if (ctx.channel().isActive()) {
                log.debug("Closing a connection whose request body did not arrive within {} ms", body);
                ctx.fireExceptionCaught(new BodyTimeouts.BodyTimeoutException());
                ctx.close();
            }
        }, body, TimeUnit.MILLISECONDS);
    }

    private void cancelAll() {
        headerTimer = cancel(headerTimer);
        bodyTimer = cancel(bodyTimer);
    }

    /** A 100 Continue is not the answer: the body is still awaited, within its deadline. */
    private static boolean isInformational(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private static ScheduledFuture<?> cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
        return null;
    }
}
