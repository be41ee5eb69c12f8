package com.acme.numbers.web.server;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the HTTP server waits for a caller ({@code gateway.server.*}); the idle timeout between requests is
 * Spring Boot's own {@code server.netty.idle-timeout}.
 *
 * @param headerTimeout time a connection has to deliver a request's line and headers (from connecting, or from the
 *        end of the previous answer on a kept-alive connection, with the idle timeout as the limit there); past it
 *        the connection gets a 408 problem and is closed, so headers sent a byte a second hold nothing
 * @param bodyTimeout time to read a request's whole body once its headers are in; past it the connection is closed
 * @param maxConnections connections served at once; more are accepted only as others close. The chart's 512 MiB pod
 *        holds this many comfortably
 */
@ConfigurationProperties("gateway.server")
public record ServerLimitsProperties(
        @DefaultValue("10s") Duration headerTimeout,
        @DefaultValue("30s") Duration bodyTimeout,
        @DefaultValue("4096") int maxConnections) {
}
