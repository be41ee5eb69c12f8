package com.acme.numbers.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Spring Security only validates OAuth2 bearer tokens (when an issuer or JWK set is configured); who may do what
 * is decided in {@link ApiKeyFilter} for API keys and JWTs alike. No sessions, no CSRF (no cookies), no login
 * pages, and our own security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Spring Security's firewall refuses encoded slashes, double encoding and the like: as a problem, too. */
    @Bean
    ServerExchangeRejectedHandler problemOnRejectedExchange(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, ProblemCode.MALFORMED_REQUEST,
                "The request URL contains characters that are not allowed.");
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> jwt,
            ProblemWriter problems) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
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
}
