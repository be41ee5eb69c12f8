package com.acme.numbers.web;

import reactor.util.context.Context;

import com.acme.numbers.events.OrderEvents;
import com.acme.numbers.web.security.ApiClient;

/** Tells the order ledger who placed an order and with which {@code Idempotency-Key}. */
final class LedgerContext {

    private LedgerContext() {
    }

    static Context of(Context context, ApiClient client, String idempotencyKey) {
        Context with = client == null ? context : context.put(OrderEvents.CALLER, client.name());
        return idempotencyKey == null ? with : with.put(OrderEvents.IDEMPOTENCY_KEY, idempotencyKey);
    }
}
