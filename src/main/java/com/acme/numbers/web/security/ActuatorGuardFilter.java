package com.acme.numbers.web.security;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import com.acme.numbers.web.problem.ProblemCode;
import com.acme.numbers.web.problem.ProblemWriter;
import com.acme.numbers.web.server.NamedWebFilter;

/**
 * What a stranger may read of the actuator when it shares the public port (the jar's default; the chart moves it to
 * {@code management.server.port}, where this filter stands aside): the health status and the two probes, terse.
 * Health details (breakers, credentials backend, disk), Prometheus and everything else need a valid API key or
 * bearer token; with one, the caller is authenticated for the request (principal and security context), which is
 * what {@code management.endpoint.health.show-details=when-authorized} looks for.
 */
@Component
@Order(1)
class ActuatorGuardFilter extends NamedWebFilter {

    private static final String ACTUATOR = "/actuator";
    private static final Set<String> ANONYMOUS = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness");

    private final ApiClients clients;
    private final ProblemWriter problems;
    private final boolean guarding;

    ActuatorGuardFilter(ApiClients clients, ProblemWriter problems, @Value("${server.port:8080}") int serverPort,
            @Value("${management.server.port:#{null}}") Integer managementPort) {
        this.clients = clients;
        this.problems = problems;
        this.guarding = managementPort == null || managementPort == serverPort;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!guarding || !(path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/"))) {
            return chain.filter(exchange);
        }
        String key = exchange.getRequest().getHeaders().getFirst(ApiKeyFilter.HEADER);
        ApiClient client = key == null || key.isBlank() ? null : clients.find(key).orElse(null);
        if (client != null) {
            Authentication caller = new PreAuthenticatedAuthenticationToken("api-client:" + client.name(), null,
                    List.of());
            return chain.filter(exchange.mutate().principal(Mono.just(caller)).build())
                    .contextWrite(ReactiveSecurityContextHolder.withAuthentication(caller));
        }
        if (key != null && !key.isBlank()) {
            return unauthenticated(exchange);
        }
        return exchange.getPrincipal().map(Objects::nonNull).defaultIfEmpty(false)
                .flatMap(known -> known || ANONYMOUS.contains(path) ? chain.filter(exchange)
                        : unauthenticated(exchange));
    }

    private Mono<Void> unauthenticated(ServerWebExchange exchange) {
        return problems.write(exchange, ProblemCode.UNAUTHENTICATED, "Health details, metrics and the other "
                + "management endpoints need an API key in X-API-Key or an OAuth2 bearer token.");
    }
}
