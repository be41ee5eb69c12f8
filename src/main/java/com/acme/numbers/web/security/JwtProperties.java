package com.acme.numbers.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How OAuth2 JWT callers are mapped ({@code gateway.jwt.*}); the issuer or JWK set comes from Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code .jwk-set-uri}.
 *
 * @param accountsClaim claim that lists the Bandwidth accounts a token may use
 * @param requestsPerSecond request rate allowed per token subject
 * @param maxOrderQuantity most numbers one order of such a caller may buy
 */
@ConfigurationProperties("gateway.jwt")
public record JwtProperties(
        @DefaultValue("numbers_accounts") String accountsClaim,
        @DefaultValue("20") int requestsPerSecond,
        @DefaultValue("100") int maxOrderQuantity) {
}
