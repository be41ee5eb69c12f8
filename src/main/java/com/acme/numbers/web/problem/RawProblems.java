package com.acme.numbers.web.problem;

import java.net.URI;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.web.security.SecurityHeadersFilter;
import com.acme.numbers.web.server.RequestIdFilter;

/**
 * A problem answered below WebFlux, straight on the connection, with the same fields, request id and security
 * headers an API answer has; the connection closes after it, since what came before it could not be read.
 */
final class RawProblems {

    private RawProblems() {
    }

    static void answerAndClose(ChannelHandlerContext ctx, JsonMapper json, ProblemCode code, String detail,
            String requestId, URI instance) {
        ProblemDetail problem = Problems.decorate(ProblemDetail.forStatusAndDetail(code.status(), detail), code,
                requestId);
        if (instance != null) {
            problem.setInstance(instance);
        }
        ctx.writeAndFlush(response(json.writeValueAsBytes(problem), code, requestId))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static FullHttpResponse response(byte[] body, ProblemCode code, String requestId) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(code.status().value()), Unpooled.wrappedBuffer(body));
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
