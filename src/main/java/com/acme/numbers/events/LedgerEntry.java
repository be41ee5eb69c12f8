package com.acme.numbers.events;

import java.time.Instant;

import com.acme.numbers.ordering.model.OrderStatus;

/**
 * What the gateway knows of one order or disconnect it placed (or was told about by Bandwidth).
 *
 * @param key which order
 * @param caller the API client that placed it, or null when Bandwidth told us of it
 * @param customerOrderId the order's reference at Bandwidth, if any
 * @param idempotencyKey the caller's {@code Idempotency-Key}, if any
 * @param status the last status seen, whoever saw it
 * @param placedAt when the gateway first recorded it
 * @param updatedAt when the status last changed
 * @param polls how often the reconciler has asked Bandwidth without finding a new status (it backs off by this)
 */
public record LedgerEntry(LedgerKey key, String caller, String customerOrderId, String idempotencyKey,
        OrderStatus status, Instant placedAt, Instant updatedAt, int polls) {

    /** Whether the reconciler still follows it (BACKORDERED is not final: numbers may still come). */
    public boolean unfinished() {
        return !status.isFinal();
    }
}
