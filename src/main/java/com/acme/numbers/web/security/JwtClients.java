package com.acme.numbers.web.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Maps a validated JWT to a client: subject (or client_id), the numbers scopes, and the accounts claim. */
final class JwtClients {

    private final JwtProperties properties;

    JwtClients(JwtProperties properties) {
        this.properties = properties;
    }

    ApiClient toClient(JwtAuthenticationToken token) {
        Jwt jwt = token.getToken();
        String name = jwt.getClaimAsString("client_id") != null ? jwt.getClaimAsString("client_id") : jwt.getSubject();
        Set<String> scopes = new HashSet<>();
        token.getAuthorities().forEach(authority -> {
            String scope = authority.getAuthority().replaceFirst("^SCOPE_", "");
            if (scope.equals(ApiClient.READ) || scope.equals(ApiClient.WRITE)) {
                scopes.add(scope);
            }
        });
        List<String> accounts = jwt.getClaimAsStringList(properties.accountsClaim());
        return new ApiClient("jwt:" + name, accounts == null ? Set.of() : Set.copyOf(accounts), scopes,
                properties.requestsPerSecond(), properties.maxOrderQuantity());
    }
}
