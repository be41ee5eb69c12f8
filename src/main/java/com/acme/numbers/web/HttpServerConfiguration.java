package com.acme.numbers.web;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** What the gateway adds to Reactor Netty's HTTP server, below WebFlux. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    /**
     * Problem bodies for requests the HTTP codec refuses before WebFlux sees them (414, 431, 400), counted by code in
     * {@code gateway.requests.undecodable}: they never reach {@code http.server.requests}.
     */
    @Bean
    NettyServerCustomizer undecodableRequestProblems(JsonMapper json, MeterRegistry meters) {
        Map<ProblemCode, Counter> refused = new EnumMap<>(ProblemCode.class);
        for (ProblemCode code : UndecodableRequestProblems.CODES) {
            refused.put(code, Counter.builder("gateway.requests.undecodable")
                    .description("Requests the HTTP codec could not read, answered with a problem before routing")
                    .tag("code", code.code()).register(meters));
        }
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, UndecodableRequestProblems.NAME,
                        new UndecodableRequestProblems(json, code -> refused.get(code).increment()));
            }
        });
    }
}
