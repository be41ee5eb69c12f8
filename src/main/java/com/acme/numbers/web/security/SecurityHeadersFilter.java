package com.acme.numbers.web.security;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.acme.numbers.web.server.NamedWebFilter;

/** Response headers a security review expects of a JSON API; Swagger UI keeps the CSP it needs. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class SecurityHeadersFilter extends NamedWebFilter {

    /** On every answer, in this order. */
    public static final List<Map.Entry<String, String>> ALWAYS = List.of(
            Map.entry("X-Content-Type-Options", "nosniff"),
            Map.entry("X-Frame-Options", "DENY"),
            Map.entry("Referrer-Policy", "no-referrer"));
    /** On answers of the API, which are JSON and never cached. */
    public static final List<Map.Entry<String, String>> API = List.of(
            Map.entry(HttpHeaders.CACHE_CONTROL, "no-store"),
            Map.entry("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"));

    static final String DOCS_CACHE = "public, max-age=300";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        for (Map.Entry<String, String> header : ALWAYS) {
            headers.set(header.getKey(), header.getValue());
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/")) {
            for (Map.Entry<String, String> header : API) {
                headers.set(header.getKey(), header.getValue());
            }
        }
        else if (path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui")) {
            // the same for every caller (no Host is echoed); a shared cache may keep it, briefly
            headers.set(HttpHeaders.CACHE_CONTROL, DOCS_CACHE);
        }
        return chain.filter(exchange);
    }
}
