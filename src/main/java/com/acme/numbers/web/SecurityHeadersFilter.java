package com.acme.numbers.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Response headers a security review expects of a JSON API; Swagger UI keeps the CSP it needs. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeadersFilter extends NamedWebFilter {

    /** On every answer. */
    static final Map<String, String> ALWAYS = ordered(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");
    /** On answers of the API, which are JSON and never cached. */
    static final Map<String, String> API = ordered(
            HttpHeaders.CACHE_CONTROL, "no-store",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        ALWAYS.forEach(headers::set);
        if (exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            API.forEach(headers::set);
        }
        return chain.filter(exchange);
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(headers);
    }
}
