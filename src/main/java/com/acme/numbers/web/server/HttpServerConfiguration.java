package com.acme.numbers.web.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Hooks;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import com.acme.numbers.web.problem.BodyTimeouts;
import com.acme.numbers.web.problem.ProblemCode;
import com.acme.numbers.web.problem.UndecodableRequestProblems;

/** What the gateway adds to Reactor Netty's HTTP server, below WebFlux. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HttpServerConfiguration.class);

    /**
     * Reactor Netty's body timeout also fails the already-answered request's inbound, which Reactor reports as a
     * dropped error at ERROR: the caller got its 408, so that one is logged at DEBUG; any other keeps the ERROR.
     */
    @Bean
    SmartInitializingSingleton quietDroppedTimeouts() {
        return () -> Hooks.onErrorDropped(dropped -> {
            if (BodyTimeouts.isBodyTimeout(dropped)) {
                log.debug("Dropped after its 408: {}", dropped.getMessage());
            }
            else {
                log.error("Operator called default onErrorDropped", dropped);
            }
        });
    }

    /** Requests whose callers went away are recorded as {@code client_closed}, not as failures of the gateway. */
    @Bean
    ClientClosedObservations clientClosedObservations() {
        return new ClientClosedObservations();
    }

    /**
     * Problem bodies for requests the HTTP codec refuses before WebFlux sees them (414, 431, 400, and 408 for
     * headers that do not arrive in time), counted by code in {@code gateway.requests.undecodable}: they never reach
     * {@code http.server.requests}. Also the server's limits: a request's body must arrive within
     * {@code gateway.server.body-timeout}, and at most {@code gateway.server.max-connections} are served at once.
     */
    @Bean
    NettyServerCustomizer undecodableRequestProblems(JsonMapper json, MeterRegistry meters,
            ServerLimitsProperties limits, @Value("${server.netty.idle-timeout:60s}") Duration idleTimeout) {
        Map<ProblemCode, Counter> refused = new EnumMap<>(ProblemCode.class);
        for (ProblemCode code : UndecodableRequestProblems.CODES) {
            refused.put(code, Counter.builder("gateway.requests.undecodable")
                    .description("Requests the HTTP codec could not read, answered with a problem before routing")
                    .tag("code", code.code()).register(meters));
        }
        return server -> server.maxConnections(limits.maxConnections())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                        UndecodableRequestProblems problems = new UndecodableRequestProblems(json,
                                code -> refused.get(code).increment());
                        channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, UndecodableRequestProblems.NAME,
                                problems);
                        channel.pipeline().addBefore(UndecodableRequestProblems.NAME, RequestTimeouts.NAME,
                                new RequestTimeouts(limits.headerTimeout(), idleTimeout, limits.bodyTimeout(),
                                        problems::refuseLateHeaders));
                    }
                });
    }
}
