package com.acme.numbers.web.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.numbers.web.problem.BodyTimeouts;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection's deadlines on Netty's embedded channel, with its clock driven by the test. */
class RequestTimeoutsTests {

    private final List<Throwable> raised = new ArrayList<>();
    private final List<String> lateHeaders = new ArrayList<>();
    private EmbeddedChannel channel;

    @BeforeEach
    void connect() {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new RequestTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(30), ctx -> lateHeaders.add("408")));
        channel.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                raised.add(cause);
            }
        });
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsRaisedIntoTheRequestAndTheConnectionCloses() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api"));

        advance(29);
        assertThat(raised).isEmpty();
        advance(2);
        assertThat(raised).singleElement().isInstanceOf(BodyTimeouts.BodyTimeoutException.class);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aBodyThatEndsInTimeStopsItsDeadline() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api"));
        channel.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);

        advance(45);
        assertThat(raised).isEmpty();
        assertThat(channel.isOpen()).isTrue();
    }

    /*
     * A request refused at once (a 401, a 429, a bulkhead's 503) is answered before its end is read: nothing of it
     * may stay scheduled, or every refused request is kept in memory until the deadline.
     */
    @Test
    void anAnswerBeforeTheBodysEndLeavesOnlyTheIdleDeadlineScheduled() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api"));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));

        assertThat(nextDeadlineSeconds()).isEqualTo(60);
        advance(59);
        assertThat(raised).isEmpty();
        assertThat(lateHeaders).isEmpty();
        advance(2);
        assertThat(lateHeaders).containsExactly("408");
        assertThat(raised).isEmpty();
    }

    @Test
    void aContinueIsNotTheAnswer() {
        channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api"));
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));

        advance(31);
        assertThat(raised).singleElement().isInstanceOf(BodyTimeouts.BodyTimeoutException.class);
    }

    @Test
    void headersThatDoNotArriveAreRefusedAndACompleteRequestHasNoBodyDeadline() {
        advance(11);
        assertThat(lateHeaders).containsExactly("408");

        EmbeddedChannel other = new EmbeddedChannel(new RequestTimeouts(Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(30), ctx -> lateHeaders.add("late")));
        other.freezeTime();
        other.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api"));
        other.advanceTimeBy(120, TimeUnit.SECONDS);
        other.runScheduledPendingTasks();
        assertThat(other.isOpen()).isTrue();
        assertThat(lateHeaders).containsExactly("408");
        other.finishAndReleaseAll();
    }

    private void advance(int seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    private long nextDeadlineSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(channel.runScheduledPendingTasks() + 999_999_999);
    }
}
