package com.acme.numbers.web.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.acme.numbers.web.server.NamedWebFilter;

/**
 * A caller that accepts {@code application/problem+json} is asking for our answers, errors included: its request is
 * routed as if it also accepted {@code application/json}, so a bad request gets its 400 problem instead of a 406
 * from routing (every operation produces JSON), and a good one gets its JSON answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ProblemAcceptFilter extends NamedWebFilter {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String accept = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT);
        // "application/problem+json" does not contain "application/json": a caller naming both needs nothing
        if (accept == null || !accept.contains(PROBLEM) || accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest widened = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HttpHeaders.ACCEPT, accept + ", " + MediaType.APPLICATION_JSON_VALUE
                        + ";q=0.9"))
                .build();
        return chain.filter(exchange.mutate().request(widened).build());
    }
}
