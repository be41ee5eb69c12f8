package com.acme.numbers.web.security;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;

import com.acme.numbers.state.SharedRateWindows;
import com.acme.numbers.web.problem.ProblemCode;
import com.acme.numbers.web.problem.ProblemWriter;

/**
 * Spring Security only validates OAuth2 bearer tokens (when an issuer or JWK set is configured); who may do what
 * is decided in {@link ApiKeyFilter} for API keys and JWTs alike. No sessions, no CSRF (no cookies), no login
 * pages, and our own security headers. The chain only runs for requests that carry a bearer token: API-key calls
 * skip it (its filters and their thread-local bookkeeping cost every request CPU for nothing) and still pass the
 * firewall, which guards every request.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final String BEARER = "Bearer ";

    public static final String REJECTED = "The request URL, a query parameter or a header contains characters that are not "
            + "allowed.";

    /** The firewall's default list, spelled out: a 405 for any other method names them in its Allow header. */
    private static final Set<HttpMethod> METHODS = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE,
            HttpMethod.OPTIONS)));

    /**
     * Spring Security's firewall refuses encoded slashes, double encoding and the like: as a problem, too. It also
     * refuses methods outside its list (TRACE, CONNECT, WebDAV's) before any routing: that is a 405.
     */
    /** Callers by the SHA-256 of their key, from {@code gateway.clients}; the application may add some. */
    @Bean
    ApiClients apiClients(ClientsProperties properties, ObjectProvider<UnaryOperator<ApiClients>> extensions) {
        Map<String, ApiClient> clients = new HashMap<>();
        properties.clients().forEach(c -> clients.put(c.apiKeySha256().toLowerCase(Locale.ROOT),
                new ApiClient(c.name(), c.accounts(), c.scopes(), c.requestsPerSecond(), c.maxOrderQuantity())));
        return extensions.orderedStream().reduce(new ApiClients(clients),
                (current, extension) -> extension.apply(current), (first, second) -> second);
    }

    /** Counted per replica, or across replicas when the shared state (Redis) is configured. */
    @Bean
    CallerQuotas callerQuotas(Clock clock, ObjectProvider<SharedRateWindows> shared, MeterRegistry meters) {
        ClientRateLimiter local = new ClientRateLimiter(clock);
        SharedRateWindows windows = shared.getIfAvailable();
        return windows == null ? CallerQuotas.local(local) : CallerQuotas.shared(windows, local, meters);
    }

    @Bean
    ServerExchangeRejectedHandler problemOnRejectedExchange(ProblemWriter problems) {
        return (exchange, rejected) -> {
            if (METHODS.contains(exchange.getRequest().getMethod())) {
                return problems.write(exchange, ProblemCode.MALFORMED_REQUEST, REJECTED);
            }
            exchange.getResponse().getHeaders().setAllow(METHODS);
            return problems.write(exchange, ProblemCode.METHOD_NOT_ALLOWED, "This HTTP method is not allowed.");
        };
    }

    /** The strict firewall's rules, with its header and parameter name checks as loops instead of regexes. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHttpMethods(METHODS);
        firewall.setAllowedHeaderNames(FirewallCharacters::isName);
        firewall.setAllowedHeaderValues(FirewallCharacters::isHeaderValue);
        firewall.setAllowedParameterNames(FirewallCharacters::isName);
        return exchange -> firewall.getFirewalledExchange(exchange).map(OneFirewalledRequest::new);
    }

    /**
     * The strict firewall's exchange wraps the request in a new checking decorator on every {@code getRequest()},
     * and one request asks dozens of times. One decorator does the same checks: it validates headers each time
     * they are read, and the query parameters once (see {@link QueryCheckedOnce}).
     */
    private static final class OneFirewalledRequest extends ServerWebExchangeDecorator {

        private final ServerHttpRequest request;

        OneFirewalledRequest(ServerWebExchange firewalled) {
            super(firewalled);
            this.request = new QueryCheckedOnce(firewalled.getRequest());
        }

        @Override
        public ServerHttpRequest getRequest() {
            return request;
        }
    }

    /**
     * The firewall checks every query parameter name and value on each {@code getQueryParams()}, and routing, the
     * query rule, argument resolution and the controllers each ask. A request's query never changes, so the
     * parameters that passed once are kept; a refused query is refused again on every read, as before.
     */
    private static final class QueryCheckedOnce extends ServerHttpRequestDecorator {

        private MultiValueMap<String, String> checked;

        QueryCheckedOnce(ServerHttpRequest firewalled) {
            super(firewalled);
        }

        @Override
        public MultiValueMap<String, String> getQueryParams() {
            MultiValueMap<String, String> query = checked;
            if (query == null) {
                query = super.getQueryParams();
                checked = query;
            }
            return query;
        }
    }

    /**
     * No Spring Security observations: one per filter chain and per authentication tells operators nothing the
     * HTTP server observation does not, and even switched off by a predicate they wrapped every request's chain.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> jwt,
            ProblemWriter problems) {
        http.securityMatcher(SecurityConfiguration::carriesBearerToken)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll());
        ReactiveJwtDecoder decoder = jwt.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server
                    .jwt(token -> token.jwtDecoder(decoder))
                    .authenticationEntryPoint((exchange, ex) -> problems.write(exchange, ProblemCode.UNAUTHENTICATED,
                            "The bearer token is invalid or expired.")));
        }
        return http.build();
    }

    private static Mono<MatchResult> carriesBearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        return bearer ? MatchResult.match() : MatchResult.notMatch();
    }
}
