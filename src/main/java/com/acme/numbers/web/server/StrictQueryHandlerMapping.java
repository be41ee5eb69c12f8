package com.acme.numbers.web.server;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * WebFlux's annotated-controller routing with one query-string rule for every operation of the gateway: once a
 * request is matched to its handler, and before any argument is resolved or anything reaches Bandwidth, a query
 * parameter the operation does not declare (see {@link DeclaredQueryParameters}) or one given twice is a
 * {@code 400 validation_failed} naming it. Handlers outside the application (springdoc's, say) keep their own rules.
 */
class StrictQueryHandlerMapping extends RequestMappingHandlerMapping {

    /** The application's root package: its controllers, the sandbox's included. */
    private static final String APPLICATION_PACKAGE = "com.acme.numbers.";

    private final Map<Method, DeclaredQueryParameters> declared = new ConcurrentHashMap<>();

    @Override
    protected void handleMatch(RequestMappingInfo info, HandlerMethod handlerMethod, ServerWebExchange exchange) {
        super.handleMatch(info, handlerMethod, exchange);
        if (handlerMethod.getBeanType().getName().startsWith(APPLICATION_PACKAGE)) {
            declared.computeIfAbsent(handlerMethod.getMethod(), method -> DeclaredQueryParameters.of(handlerMethod))
                    .check(exchange.getRequest().getQueryParams());
        }
    }
}
