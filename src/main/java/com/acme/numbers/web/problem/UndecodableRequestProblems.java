package com.acme.numbers.web.problem;

import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.web.server.RequestIdFilter;
import com.acme.numbers.web.server.RequestUris;

/**
 * Answers a request the HTTP codec could not decode (a request line or headers over the server's limits, or no
 * valid HTTP at all) with our problem body. Reactor Netty would answer 414, 431 or 400 with an empty body, since
 * such a request never reaches WebFlux, nor its metrics: each refusal is reported to {@code refusals}, which counts
 * it. One instance per connection, between the codec and Reactor Netty's traffic handler; while an earlier request
 * on the connection is still being answered (HTTP pipelining), the failure is left to Reactor Netty, which keeps
 * the answers in order. A pipelined request with {@code Connection: close} is answered in its turn, and the
 * connection closes after that answer.
 */
public final class UndecodableRequestProblems extends ChannelDuplexHandler {

    public static final String NAME = "numbersGateway.undecodableRequestProblems";
    /** The answers it gives. */
    public static final Set<ProblemCode> CODES = EnumSet.of(ProblemCode.URL_TOO_LONG, ProblemCode.HEADERS_TOO_LARGE,
            ProblemCode.MALFORMED_REQUEST, ProblemCode.REQUEST_TIMEOUT);

    private static final Logger log = LoggerFactory.getLogger(UndecodableRequestProblems.class);

    private final JsonMapper json;
    private final Consumer<ProblemCode> refusals;
    private int unanswered;
    private boolean refused;
    /** Answers still to write before the connection closes at a pipelined request's {@code Connection: close}. */
    private int closeAfter;
    private boolean draining;

    public UndecodableRequestProblems(JsonMapper json, Consumer<ProblemCode> refusals) {
        this.json = json;
        this.refusals = refusals;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            ProblemCode refusal = refusal(request);
            if (refusal != null && unanswered == 0) {
                refused = true;
                refuse(ctx, request, refusal);
                ReferenceCountUtil.release(msg);
                return;
            }
            if (draining) {
                // nothing may follow a request that asked to close the connection
                refused = true;
                ReferenceCountUtil.release(msg);
                return;
            }
            unanswered++;
            if (unanswered > 1 && !HttpUtil.isKeepAlive(request)) {
                // Reactor Netty would mark the connection for closing at once, answer the request in progress
                // with "Connection: close" and drop the ones queued behind it: close after this one's answer instead
                HttpUtil.setKeepAlive(request, true);
                closeAfter = unanswered;
                draining = true;
            }
        }
        else if (msg instanceof HttpContent content && content.decoderResult().isFailure() && unanswered > 0) {
            // The headers reached WebFlux, which owns the answer: Reactor Netty's own bare 400 would race it and
            // log an ERROR. Closing ends the request as aborted; the caller sent something that is not HTTP.
            refused = true;
            ReferenceCountUtil.release(msg);
            log.debug("Closed a connection whose request body is not valid HTTP ({})",
                    content.decoderResult().cause().getClass().getSimpleName());
            ctx.close();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Why a request that decoded is still refused before routing, or null when it is not. */
    private static ProblemCode refusal(HttpRequest request) {
        if (request.decoderResult().isFailure()) {
            Throwable failure = request.decoderResult().cause();
            return failure instanceof TooLongHttpLineException ? ProblemCode.URL_TOO_LONG
                    : failure instanceof TooLongHttpHeaderException ? ProblemCode.HEADERS_TOO_LARGE
                    : ProblemCode.MALFORMED_REQUEST;
        }
        boolean http1 = request.protocolVersion().majorVersion() == 1;
        return http1 && RequestUris.isValid(request.uri()) ? null : ProblemCode.MALFORMED_REQUEST;
    }

    /** Answers a connection whose request headers did not arrive in time, then closes it. */
    public void refuseLateHeaders(ChannelHandlerContext ctx) {
        if (refused) {
            return;
        }
        refused = true;
        refusals.accept(ProblemCode.REQUEST_TIMEOUT);
        RawProblems.answerAndClose(ctx, json, ProblemCode.REQUEST_TIMEOUT,
                "The request line and headers did not arrive in time.", RequestIdFilter.newRequestId(), null);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (closeAfter == 1 && msg instanceof HttpResponse response && !isInformational(msg)) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        if (msg instanceof LastHttpContent && !isInformational(msg) && unanswered > 0) {
            unanswered--;
            if (closeAfter > 0 && --closeAfter == 0) {
                promise = promise.unvoid();
                promise.addListener(ChannelFutureListener.CLOSE);
            }
        }
        ctx.write(msg, promise);
    }

    /* A "100 Continue" is a complete message of its own, and the request's answer is still to come. */
    private static boolean isInformational(Object msg) {
        return msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
    }

    private void refuse(ChannelHandlerContext ctx, HttpRequest request, ProblemCode code) {
        refusals.accept(code);
        String requestId = RequestIdFilter.newRequestId();
        Throwable failure = request.decoderResult().cause();
        log.debug("Refused an undecodable request ({}, request id {}): {}", code.code(), requestId,
                failure == null ? "request line" : failure.getClass().getSimpleName());
        // only for headers too large was the request line read
        URI instance = code == ProblemCode.HEADERS_TOO_LARGE ? path(request.uri()).orElse(null) : null;
        RawProblems.answerAndClose(ctx, json, code, detail(code), requestId, instance);
    }

    private static String detail(ProblemCode code) {
        return switch (code) {
            case URL_TOO_LONG -> "The request line (method, URL and query) is longer than the server accepts.";
            case HEADERS_TOO_LARGE -> "The request headers are larger than the server accepts.";
            default -> "The request is not valid HTTP.";
        };
    }

    private static Optional<URI> path(String uri) {
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        try {
            return path.startsWith("/") ? Optional.of(URI.create(path)) : Optional.empty();
        }
        catch (IllegalArgumentException notAUri) {
            return Optional.empty();
        }
    }
}
