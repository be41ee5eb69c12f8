package com.acme.numbers.web.server;

import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** Annotated controllers are routed by {@link StrictQueryHandlerMapping}, which refuses undeclared query parameters. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    WebFluxRegistrations strictQueryParameters() {
        return new WebFluxRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new StrictQueryHandlerMapping();
            }
        };
    }
}
