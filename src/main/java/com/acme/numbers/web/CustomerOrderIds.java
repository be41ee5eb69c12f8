package com.acme.numbers.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Binds an Idempotency-Key to Bandwidth's CustomerOrderId when the caller gave none: the same client and key
 * always give the same reference ({@code idem-} and 32 hex digits, within Bandwidth's 40 characters), so a retry
 * after a lost answer finds the first order instead of buying again.
 */
final class CustomerOrderIds {

    private CustomerOrderIds() {
    }

    static String derive(ApiClient client, String idempotencyKey) {
        String scope = (client == null ? "" : client.name()) + '\n' + idempotencyKey;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(scope.getBytes(StandardCharsets.UTF_8));
            return "idem-" + HexFormat.of().formatHex(digest).substring(0, 32);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
