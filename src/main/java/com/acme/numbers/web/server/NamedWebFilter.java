package com.acme.numbers.web.server;

import org.springframework.web.server.WebFilter;

/**
 * A web filter whose {@code toString()} is its class name, computed once. WebFlux's filter chain labels each
 * filter's part of every request with {@code toString()}; {@code Object}'s version built a new string (name and
 * identity hash) per filter and request.
 */
public abstract class NamedWebFilter implements WebFilter {

    private final String name = getClass().getSimpleName();

    @Override
    public String toString() {
        return name;
    }
}
