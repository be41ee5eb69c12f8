package com.acme.numbers.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Looks callers up by the SHA-256 of their API key, so the keys themselves are never stored or configured. */
public final class ApiClients {

    private final Map<String, ApiClient> byKeyHash;

    public ApiClients(Map<String, ApiClient> byKeyHash) {
        this.byKeyHash = Map.copyOf(byKeyHash);
    }

    Optional<ApiClient> find(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey)));
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
