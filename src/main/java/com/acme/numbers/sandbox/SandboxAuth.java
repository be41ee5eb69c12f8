package com.acme.numbers.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's idea of who may call it: the configured API user (Basic), the configured OAuth2 client (for the
 * token endpoint), and bearer tokens it issued itself.
 */
final class SandboxAuth {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final int MAX_TOKENS = 1000;

    private final SandboxProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_TOKENS;
        }
    };

    SandboxAuth(SandboxProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether an API call's {@code Authorization} header is the API user or a live token. */
    boolean allowsApiCall(String authorization) {
        if (authorization == null) {
            return false;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return liveToken(authorization.substring(7).trim());
        }
        return basicMatches(authorization, properties.username(), properties.password());
    }

    /** Whether a token request's {@code Authorization} header carries the OAuth2 client's id and secret. */
    boolean allowsTokenRequest(String authorization) {
        return authorization != null && basicMatches(authorization, properties.clientId(), properties.clientSecret());
    }

    synchronized String issueToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
        return token;
    }

    private synchronized boolean liveToken(String token) {
        Instant expires = tokens.get(token);
        return expires != null && expires.isAfter(clock.instant());
    }

    private static boolean basicMatches(String authorization, String user, String password) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String expected = Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // Constant-time comparison: the sandbox is a product feature and should not teach bad habits.
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.substring(6).trim().getBytes(StandardCharsets.UTF_8));
    }
}
