package com.acme.numbers.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

/** What the gateway adds to Reactor Netty's HTTP server, below WebFlux. */
@Configuration(proxyBeanMethods = false)
class HttpServerConfiguration {

    /** Problem bodies for requests the HTTP codec refuses before WebFlux sees them (414, 431, 400). */
    @Bean
    NettyServerCustomizer undecodableRequestProblems(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpTrafficHandler) != null) {
                channel.pipeline().addBefore(NettyPipeline.HttpTrafficHandler, UndecodableRequestProblems.NAME,
                        new UndecodableRequestProblems(json));
            }
        });
    }
}
