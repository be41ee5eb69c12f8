package com.acme.numbers.web;

/**
 * Binds an Idempotency-Key to Bandwidth's CustomerOrderId when the caller gave none: the same client and key
 * always give the same reference ({@code idem-} and 32 hex digits, within Bandwidth's 40 characters), so a retry
 * after a lost answer finds the first order instead of buying again.
 */
final class CustomerOrderIds {

    private CustomerOrderIds() {
    }

    static String derive(ApiClient client, String idempotencyKey) {
        return "idem-" + ApiClients.sha256(IdempotencyFilter.scopedKey(client, idempotencyKey)).substring(0, 32);
    }
}
