package com.acme.numbers.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Looks callers up by the SHA-256 of their API key, so the keys themselves are never stored or configured. */
public final class ApiClients {

    private static final MessageDigest SHA_256 = lookUp();
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, ApiClient> byKeyHash;

    public ApiClients(Map<String, ApiClient> byKeyHash) {
        this.byKeyHash = Map.copyOf(byKeyHash);
    }

    /** These clients, plus {@code client} under {@code apiKey} when none are configured. */
    public ApiClients orIfNone(String apiKey, ApiClient client) {
        return byKeyHash.isEmpty() ? new ApiClients(Map.of(sha256(apiKey), client)) : this;
    }

    Optional<ApiClient> find(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey)));
    }

    public static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of the parts, hashed one after the other. */
    public static String sha256(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return HEX.formatHex(digest.digest());
    }

    /**
     * A copy of one digest made at start: every request hashes its caller's key, and looking the algorithm up in
     * the security providers each time (their list, the algorithm constraints) cost more than the hash itself.
     */
    private static MessageDigest newDigest() {
        try {
            return (MessageDigest) SHA_256.clone();
        }
        catch (CloneNotSupportedException ex) {
            return lookUp();
        }
    }

    private static MessageDigest lookUp() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
