package com.acme.numbers.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers a request the HTTP codec could not decode (a request line or headers over the server's limits, or no
 * valid HTTP at all) with our problem body. Reactor Netty would answer 414, 431 or 400 with an empty body, since
 * such a request never reaches WebFlux, nor its metrics: each refusal is reported to {@code refusals}, which counts
 * it. One instance per connection, between the codec and Reactor Netty's traffic handler; while an earlier request
 * on the connection is still being answered (HTTP pipelining), the failure is left to Reactor Netty, which keeps
 * the answers in order. A pipelined request with {@code Connection: close} is answered in its turn, and the
 * connection closes after that answer.
 */
final class UndecodableRequestProblems extends ChannelDuplexHandler {

    static final String NAME = "numbersGateway.undecodableRequestProblems";
    /** The answers it gives. */
    static final Set<ProblemCode> CODES = EnumSet.of(ProblemCode.URL_TOO_LONG, ProblemCode.HEADERS_TOO_LARGE,
            ProblemCode.MALFORMED_REQUEST, ProblemCode.REQUEST_TIMEOUT);

    private static final Logger log = LoggerFactory.getLogger(UndecodableRequestProblems.class);

    private final JsonMapper json;
    private final Consumer<ProblemCode> refusals;
    private int unanswered;
    private boolean refused;
    /** Answers still to write before the connection closes at a pipelined request's {@code Connection: close}. */
    private int closeAfter;
    private boolean draining;

    UndecodableRequestProblems(JsonMapper json, Consumer<ProblemCode> refusals) {
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
    void refuseLateHeaders(ChannelHandlerContext ctx) {
        if (refused) {
            return;
        }
        refused = true;
        refusals.accept(ProblemCode.REQUEST_TIMEOUT);
        String requestId = RequestIdFilter.newRequestId();
        ProblemDetail problem = Problems.decorate(ProblemDetail.forStatusAndDetail(HttpStatus.REQUEST_TIMEOUT,
                "The request line and headers did not arrive in time."), ProblemCode.REQUEST_TIMEOUT, requestId);
        ctx.writeAndFlush(response(problem, requestId)).addListener(ChannelFutureListener.CLOSE);
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
        ProblemDetail problem = Problems.decorate(ProblemDetail.forStatusAndDetail(code.status(), detail(code)), code,
                requestId);
        if (code == ProblemCode.HEADERS_TOO_LARGE) {   // only then was the request line read
            path(request.uri()).ifPresent(problem::setInstance);
        }
        ctx.writeAndFlush(response(problem, requestId)).addListener(ChannelFutureListener.CLOSE);
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

    private FullHttpResponse response(ProblemDetail problem, String requestId) {
        byte[] body = json.writeValueAsBytes(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(RequestIdFilter.HEADER, requestId);
        for (Map.Entry<String, String> header : SecurityHeadersFilter.ALWAYS) {
            response.headers().set(header.getKey(), header.getValue());
        }
        for (Map.Entry<String, String> header : SecurityHeadersFilter.API) {
            response.headers().set(header.getKey(), header.getValue());
        }
        return response;
    }
}
