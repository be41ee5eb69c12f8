package com.acme.numbers.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one way to scope an {@code Idempotency-Key}: per client, so two clients may pick the same key without seeing
 * each other's answers; and the Bandwidth {@code CustomerOrderId} a key binds an order to. Both must never change:
 * a retry after an upgrade has to find the store entry and the order its first attempt made.
 */
public final class IdempotencyKeys {

    /** The request header that carries the caller's key. */
    public static final String HEADER = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /** The key as the store knows it: the client's name (empty when anonymous), a line break, the caller's key. */
    public static String scoped(String clientName, String key) {
        return (clientName == null ? "" : clientName) + '\n' + key;
    }

    /** {@code idem-} and 32 hex digits of the scoped key's SHA-256: within Bandwidth's 40 characters. */
    public static String customerOrderId(String clientName, String key) {
        return "idem-" + sha256(scoped(clientName, key)).substring(0, 32);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
